/**
 * The kiosk page's script, plain ES2017 for the kiosk browser. It renders the view the agent sends over
 * /events and posts the person's choices to /actions. Typed PIN digits live only in a local variable
 * until 確定 and are never logged or stored.
 */
export const kioskPageScript = `
(function () {
  "use strict";
  var PIN_LENGTH = 4;
  var root = document.getElementById("view");
  var banner = document.getElementById("connection");
  var currentJson = "";
  var offsetMs = 0;
  var digits = "";
  var ticker = null;
  var sending = false;

  var clockFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  var timeFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  var dateFormat = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", year: "numeric", month: "long", day: "numeric", weekday: "short" });

  function now() { return Date.now() + offsetMs; }

  function el(tag, className, text, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  // Japanese first, English under it in smaller type.
  function bilingual(tag, className, japanese, english) {
    var node = el(tag, className, japanese);
    node.appendChild(el("small", "", english));
    return node;
  }

  function post(action) {
    return fetch("/actions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(action) })
      .then(function (response) { return response.ok; })
      .catch(function () { return false; });
  }

  function stopTicker() {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  }

  function every(ms, step) {
    step();
    ticker = setInterval(step, ms);
  }

  function renderIdle(view) {
    var clock = el("div", "clock", "", []);
    var date = el("div", "date", "", []);
    clock.setAttribute("data-testid", "clock");
    var status = view.online
      ? bilingual("div", "status online", "オンライン", "Online")
      : bilingual("div", "status offline", "オフライン（記録は端末に保存し、接続後に送信します）", "Offline: taps are kept here and sent when the connection returns");
    root.appendChild(clock);
    root.appendChild(date);
    root.appendChild(el("div", "reader", view.readerName));
    root.appendChild(status);
    root.appendChild(bilingual("div", "hint", "カードをタッチしてください", "Please touch your card"));
    every(250, function () {
      var at = new Date(now());
      clock.textContent = clockFormat.format(at);
      date.textContent = dateFormat.format(at);
    });
  }

  function punchLabel(punch) {
    return punch === "in" ? ["出勤", "Clock in"] : ["退勤", "Clock out"];
  }

  function renderPunched(view) {
    var label = punchLabel(view.punch);
    root.appendChild(bilingual("div", "punch-label " + view.punch, label[0], label[1]));
    root.appendChild(el("div", "punch-time", timeFormat.format(new Date(view.at))));
    root.appendChild(el("div", "name", view.name + " さん"));
    if (view.note) root.appendChild(el("div", "note", view.note));
    var until = Date.parse(view.changeableUntil);
    var choices = el("div", "choices", null, []);
    ["in", "out"].forEach(function (punch) {
      var text = punchLabel(punch);
      var button = bilingual("button", "choice" + (punch === view.punch ? " selected" : ""), text[0], text[1]);
      button.type = "button";
      button.setAttribute("data-punch", punch);
      button.addEventListener("click", function () {
        if (punch === view.punch || sending) return;
        sending = true;
        Array.prototype.forEach.call(choices.children, function (child) { child.disabled = true; });
        post({ kind: "changePunch", punch: punch }).then(function () { sending = false; });
      });
      choices.appendChild(button);
    });
    var countdown = el("div", "countdown", "", []);
    root.appendChild(choices);
    root.appendChild(countdown);
    every(200, function () {
      var left = Math.ceil((until - now()) / 1000);
      if (left <= 0) {
        choices.hidden = true;
        countdown.hidden = true;
        stopTicker();
        return;
      }
      countdown.textContent = "";
      countdown.appendChild(document.createTextNode("あと " + left + " 秒、出勤／退勤を変更できます"));
      countdown.appendChild(el("small", "", left + " s left to switch clock in / clock out"));
    });
  }

  function renderMessage(view) {
    root.appendChild(el("div", "message " + view.tone, view.text));
  }

  function renderPin(view) {
    var dots = el("div", "dots", "", []);
    dots.setAttribute("data-testid", "pin-dots");
    var enter;
    function redraw() {
      var shown = "";
      for (var i = 0; i < PIN_LENGTH; i += 1) shown += i < digits.length ? "●" : "○";
      dots.textContent = shown;
      enter.disabled = digits.length !== PIN_LENGTH;
    }
    function key(label, english, className, onPress) {
      var button = english ? bilingual("button", "key " + className, label, english) : el("button", "key " + className, label);
      button.type = "button";
      button.addEventListener("click", onPress);
      return button;
    }
    function typeDigit(digit) {
      if (digits.length < PIN_LENGTH) digits += digit;
      redraw();
    }
    function correct() {
      digits = digits.slice(0, -1);
      redraw();
    }
    function confirm() {
      if (digits.length !== PIN_LENGTH) return;
      var pin = digits;
      digits = "";
      redraw();
      post({ kind: "pin", pin: pin });
    }
    var keypad = el("div", "keypad", null, []);
    ["1", "2", "3", "4", "5", "6", "7", "8", "9"].forEach(function (digit) {
      keypad.appendChild(key(digit, "", "digit", function () { typeDigit(digit); }));
    });
    keypad.appendChild(key("訂正", "Correct", "small", correct));
    keypad.appendChild(key("0", "", "digit", function () { typeDigit("0"); }));
    enter = key("確定", "Enter", "small enter", confirm);
    keypad.appendChild(enter);
    var cancel = bilingual("button", "cancel", "やめる", "Cancel");
    cancel.type = "button";
    cancel.addEventListener("click", function () {
      digits = "";
      redraw();
      post({ kind: "pin", pin: null });
    });
    root.appendChild(el("div", "prompt", view.prompt));
    root.appendChild(dots);
    root.appendChild(keypad);
    root.appendChild(cancel);
    redraw();
    keyHandler = function (event) {
      if (/^[0-9]$/.test(event.key)) typeDigit(event.key);
      else if (event.key === "Backspace") correct();
      else if (event.key === "Enter") confirm();
      else if (event.key === "Escape") cancel.click();
    };
  }

  function renderEnrolment(view) {
    root.appendChild(el("div", "enrolment", view.text));
  }

  var keyHandler = null;
  document.addEventListener("keydown", function (event) {
    if (keyHandler) keyHandler(event);
  });

  function render(view) {
    var json = JSON.stringify(view);
    if (json === currentJson) return;
    stopTicker();
    keyHandler = null;
    digits = "";
    sending = false;
    currentJson = json;
    root.textContent = "";
    root.setAttribute("data-view", view.kind);
    if (view.kind === "idle") renderIdle(view);
    else if (view.kind === "punched") renderPunched(view);
    else if (view.kind === "message") renderMessage(view);
    else if (view.kind === "pin") renderPin(view);
    else if (view.kind === "enrolment") renderEnrolment(view);
  }

  var source = new EventSource("/events");
  source.onopen = function () { banner.hidden = true; };
  source.onerror = function () { banner.hidden = false; };
  source.onmessage = function (event) {
    var data = JSON.parse(event.data);
    offsetMs = Date.parse(data.now) - Date.now();
    render(data.view);
  };
})();
`;
