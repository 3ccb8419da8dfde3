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

const PageNavigationType = Object.freeze({
  CONTINUE: "CONTINUE",
  GO_TO_PAGE: "GO_TO_PAGE",
  RESTART: "RESTART",
  SUBMIT: "SUBMIT",
});

// Where a choice or a page break leads: a page break of the same form (recorded as its
// index among the form's items), or a navigation type.
function navigation(target, form, what) {
  if (target && target.__pageBreakOf === form) {
    return { page: target.__index };
  }
  if (Object.values(PageNavigationType).includes(target)) {
    return { type: target };
  }
  throw new TypeError(what + " needs a PageBreakItem of this form or a PageNavigationType");
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
  if (kind === "PAGE_BREAK") {
    Object.defineProperty(api, "__pageBreakOf", { value: form });
    Object.defineProperty(api, "__index", { value: form.items.length });
    api.setGoToPage = function (target) {
      item.goTo = navigation(target, form, "PageBreakItem.setGoToPage");
      return api;
    };
  }
  if (kind === "MULTIPLE_CHOICE") {
    api.createChoice = function (value, target) {
      requireString(value, "createChoice");
      const choice = { __choice: true, value: value };
      if (target !== undefined) {
        choice.goTo = navigation(target, form, "createChoice");
      }
      return choice;
    };
    api.setChoices = function (choices) {
      if (!Array.isArray(choices) || choices.length === 0) {
        throw new TypeError("setChoices needs a non-empty array");
      }
      choices.forEach(function (choice) {
        if (!choice || !choice.__choice) {
          throw new TypeError("setChoices needs choices made by createChoice");
        }
      });
      item.choices = choices.map(function (choice) {
        return choice.value;
      });
      item.navigation = choices.map(function (choice) {
        return choice.goTo || null;
      });
      return api;
    };
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
  PageNavigationType: PageNavigationType,
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
