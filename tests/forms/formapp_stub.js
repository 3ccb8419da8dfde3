// A stand-in for Google Apps Script's FormApp that records what a script builds, so
// that a generated .gs file can be run under Node.js in the tests. Only the methods
// the generated script may call exist: calling any other fails, as a typo would in
// Apps Script. Arguments are checked the way Apps Script checks them.
"use strict";

function requireString(value, what) {
  if (typeof value !== "string") {
    throw new TypeError(what + " must be a string, got " + JSON.stringify(value));
  }
  return value;
}

function makeItem(kind, form) {
  const item = { kind: kind, title: "", helpText: "", required: false };
  const api = {
    setTitle(title) {
      item.title = requireString(title, kind + ".setTitle");
      return api;
    },
    setHelpText(text) {
      item.helpText = requireString(text, kind + ".setHelpText");
      return api;
    },
  };
  if (kind === "MULTIPLE_CHOICE") {
    api.setChoiceValues = function (values) {
      if (!Array.isArray(values) || values.length === 0) {
        throw new TypeError("setChoiceValues needs a non-empty array");
      }
      values.forEach(function (value) {
        requireString(value, "choice");
      });
      item.choices = values.slice();
      return api;
    };
    api.setRequired = function (required) {
      item.required = Boolean(required);
      return api;
    };
  }
  if (kind === "TEXT") {
    api.setValidation = function (validation) {
      if (!validation || validation.kind !== "TEXT_VALIDATION") {
        throw new TypeError("setValidation needs a built TextValidation");
      }
      item.validation = validation;
      return api;
    };
  }
  form.items.push(item);
  return api;
}

function createForm(title) {
  const form = { title: requireString(title, "FormApp.create"), description: "", items: [] };
  const api = {
    setDescription(text) {
      form.description = requireString(text, "setDescription");
      return api;
    },
    setProgressBar(enabled) {
      form.progressBar = Boolean(enabled);
      return api;
    },
    addTextItem() {
      return makeItem("TEXT", form);
    },
    addMultipleChoiceItem() {
      return makeItem("MULTIPLE_CHOICE", form);
    },
    addPageBreakItem() {
      return makeItem("PAGE_BREAK", form);
    },
    getEditUrl() {
      return "https://docs.google.com/forms/d/stub/edit";
    },
  };
  return { api: api, record: form };
}

const created = [];
const logged = [];

const FormApp = {
  create(title) {
    const made = createForm(title);
    created.push(made.record);
    return made.api;
  },
  createTextValidation() {
    const validation = { kind: "TEXT_VALIDATION" };
    const builder = {
      requireTextMatchesPattern(pattern) {
        validation.pattern = requireString(pattern, "requireTextMatchesPattern");
        new RegExp(pattern); // a pattern Google could not read fails here too
        return builder;
      },
      setHelpText(text) {
        validation.helpText = requireString(text, "TextValidation.setHelpText");
        return builder;
      },
      build() {
        if (!validation.pattern) {
          throw new TypeError("a text validation needs a rule before build()");
        }
        return validation;
      },
    };
    return builder;
  },
};

const Logger = {
  log(message) {
    logged.push(String(message));
  },
};

module.exports = { FormApp: FormApp, Logger: Logger, created: created, logged: logged };
