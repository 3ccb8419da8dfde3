// Runs a generated Apps Script (.gs) against the FormApp stand-in and prints what it
// built as JSON: node run_script.js SCRIPT.gs
"use strict";

const fs = require("fs");
const vm = require("vm");
const stub = require("./formapp_stub.js");

const source = fs.readFileSync(process.argv[2], "utf8");
const context = vm.createContext({ FormApp: stub.FormApp, Logger: stub.Logger });
vm.runInContext(source, context, { filename: process.argv[2] });
vm.runInContext("createForm()", context);
process.stdout.write(
  JSON.stringify({ forms: stub.created, logged: stub.logged })
);
