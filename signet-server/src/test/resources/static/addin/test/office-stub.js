// A stand-in for Office.js in browser tests: the mailbox item records what the add-in inserts. The page's
// query string chooses the compose type (stubCompose), the Microsoft token SSO answers (stubToken) and the From
// address (stubFrom; window.__stub.from changes it later, as the employee picking another sender would).
(function () {
  "use strict";
  var query = new URLSearchParams(window.location.search);
  var stub = { inserted: [], options: [], clientSignatureDisabled: 0, handlers: {}, completed: 0, session: {} };
  stub.from = query.get("stubFrom");
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
      diagnostics: { host: "Outlook", platform: "OfficeOnline", version: "16.0.19000.0" },
      mailbox: {
        item: {
          itemType: "message",
          from: {
            getAsync: function (callback) {
              callback(stub.from ? ok({ emailAddress: stub.from, displayName: stub.from })
                  : { status: "failed", error: { message: "no From address in this stand-in" } });
            }
          },
          sessionData: {
            getAsync: function (name, callback) {
              callback(name in stub.session ? ok(stub.session[name])
                  : { status: "failed", error: { message: "not found" } });
            },
            setAsync: function (name, value, callback) {
              stub.session[name] = value;
              if (callback) { callback(ok()); }
            },
            removeAsync: function (name, callback) {
              delete stub.session[name];
              if (callback) { callback(ok()); }
            }
          },
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
