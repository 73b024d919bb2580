// A stand-in for Office.js in browser tests: the mailbox item records what the add-in inserts. The page's
// query string chooses the compose type (stubCompose) and the Microsoft token SSO answers (stubToken).
(function () {
  "use strict";
  var query = new URLSearchParams(window.location.search);
  var stub = { inserted: [], options: [], clientSignatureDisabled: 0, handlers: {}, completed: 0 };
  window.__stub = stub;
  var ok = function (value) { return { status: "succeeded", value: value }; };
  window.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    onReady: function (callback) {
      var info = { host: "Outlook", platform: "OfficeOnline" };
      if (callback) {
        setTimeout(function () { callback(info); }, 0);
      }
      return Promise.resolve(info);
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
