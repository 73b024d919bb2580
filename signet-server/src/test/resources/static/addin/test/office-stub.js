// A stand-in for Office.js in browser tests: the mailbox item records what the add-in inserts. The page's
// query string chooses the compose type (stubCompose) and the Microsoft token SSO answers (stubToken).
(function () {
  "use strict";
  var query = new URLSearchParams(window.location.search);
  var stub = { inserted: [], options: [], clientSignatureDisabled: 0, handlers: {}, completed: 0 };
  window.__stub = stub;
  stub.errors = [];
  window.addEventListener("error", function (e) { stub.errors.push(String(e.message)); });
  window.addEventListener("unhandledrejection", function (e) { stub.errors.push("rejected: " + String(e.reason && e.reason.message || e.reason)); });
  var ok = function (value) { return { status: "succeeded", value: value }; };
  window.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    // Like Office.js, ready once the document is loaded (the add-in's scripts run in <head>).
    onReady: function (callback) {
      var info = { host: "Outlook", platform: "OfficeOnline" };
      return new Promise(function (resolve) {
        var ready = function () {
          if (callback) {
            callback(info);
          }
          resolve(info);
        };
        if (document.readyState === "loading") {
          document.addEventListener("DOMContentLoaded", ready);
        } else {
          setTimeout(ready, 0);
        }
      });
    },
    actions: { associate: function (name, handler) { stub.handlers[name] = handler; } },
    auth: {
      getAccessToken: function () {
        var token = query.get("stubToken");
        return token ? Promise.resolve(token) : Promise.reject({ code: 13001, message: "not signed in" });
      }
    },
    context: {
      mailbox: {
        item: {
          itemType: "message",
          getComposeTypeAsync: function (callback) {
            callback(ok({ composeType: query.get("stubCompose") || "newMail", coercionType: "html" }));
          },
          body: {
            setSignatureAsync: function (html, options, callback) {
              stub.inserted.push(html);
              stub.options.push(options);
              callback(ok());
            }
          },
          disableClientSignatureAsync: function (callback) {
            stub.clientSignatureDisabled++;
            callback(ok());
          }
        }
      }
    }
  };
})();
