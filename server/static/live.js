// A live dialog session on the shared screen (the facilitator) or a phone.
// The server is the authority: this script sends commands, and draws the
// events it gets back folded into a state, the same fold as domain::live.
// It keeps the last event number and, when the connection drops (a locked
// phone, Wi-Fi), reconnects with it and gets only what it missed. Commands
// not yet acknowledged are kept in sessionStorage and sent again; the
// server answers a resend with the event already written.
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root) { return; }
  var data = JSON.parse(document.getElementById("live-data").textContent);
  var L = data.labels;
  var board = root.querySelector("[data-live-root]");
  var statusLine = root.querySelector("[data-live-status]");
  var fmt = function (text) {
    var args = Array.prototype.slice.call(arguments, 1);
    return args.reduce(function (t, v, i) { return t.split("%" + (i + 1)).join(String(v)); }, text);
  };
  // "1 prik", "2 prikker": a label with a count has a "-one" form for one.
  var plural = function (key, n) { return fmt(L[n === 1 ? key + "-one" : key], n); };
  var cardOf = {};
  data.cards.forEach(function (c) { cardOf[c.code] = c; });
  var el = function (tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { e.textContent = attrs[k]; }
      else if (k === "on") { e.addEventListener("click", attrs[k]); }
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { e.setAttribute(k, attrs[k] === true ? "" : attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  };

  // ---- state, folded from events (mirrors domain::live::Live::apply) ----
  var s = {
    step: data.order[0], ended: root.getAttribute("data-open") !== "true", seq: 0,
    people: {}, picks: {}, picked: {}, revealed: false, turn: null, timer: null,
    notes: [], votes: {}, nextSteps: [], round: 0, groups: [], dealt: {}
  };
  var me = null, facilitator = false;
  var stepIndex = function (k) { return data.order.indexOf(k); };
  var apply = function (seq, e) {
    s.seq = seq;
    switch (e.type) {
      case "joined": s.people[e.p] = { name: e.name, facilitator: e.facilitator }; break;
      case "stepped":
        s.step = e.step; s.turn = null; s.timer = null;
        (e.revealed || []).forEach(function (pk) { s.picks[pk.p] = pk.card; s.picked[pk.p] = true; });
        if ((e.revealed || []).length || stepIndex(e.step) > stepIndex("pick")) { s.revealed = true; }
        break;
      case "picked":
        s.picked[e.p] = true;
        if (e.card) { s.picks[e.p] = e.card; }
        break;
      case "turn": s.turn = e.p; s.timer = null; break;
      case "timer": s.timer = e.seconds > 0 ? { seconds: e.seconds, started: e.started_ms } : null; break;
      case "noted": s.notes.push({ p: e.p, text: e.text }); break;
      case "voted": (s.votes[e.p] = s.votes[e.p] || []).push(e.card); break;
      case "unvoted":
        var dots = s.votes[e.p] || [], i = dots.indexOf(e.card);
        if (i >= 0) { dots.splice(i, 1); }
        break;
      case "next_step_added": s.nextSteps.push(e); break;
      case "next_step_removed": s.nextSteps = s.nextSteps.filter(function (x) { return x.n !== e.n; }); break;
      case "round": s.step = "interview"; s.round = e.round; s.groups = e.groups; s.dealt = {}; s.timer = null;
        e.dealt.forEach(function (d) { s.dealt[d.p] = d.card; }); break;
      case "ended": s.ended = true; break;
    }
  };

  // ---- connection ----
  var storeKey = "live:" + root.getAttribute("data-session") + ":pending";
  var pending = {};
  try { pending = JSON.parse(sessionStorage.getItem(storeKey) || "{}"); } catch (err) { pending = {}; }
  var keep = function () { try { sessionStorage.setItem(storeKey, JSON.stringify(pending)); } catch (err) { /* private mode */ } };
  var socket = null, attempts = 0, counter = 0;
  // How far the server's clock is ahead of this device's: timers count from the server's start.
  var skew = 0;
  var say = function (text) { statusLine.textContent = text; };
  var message = el("div", { class: "lt-live-message", role: "alert" });
  var send = function (cmd) {
    var id = Date.now().toString(36) + "-" + (counter++);
    pending[id] = cmd;
    keep();
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify({ id: id, cmd: cmd })); }
  };
  var connect = function () {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + root.getAttribute("data-socket") + "?since=" + s.seq);
    socket.onmessage = function (m) {
      var msg = JSON.parse(m.data);
      if (msg.type === "hello") {
        attempts = 0; me = msg.p; facilitator = msg.facilitator;
        skew = msg.now_ms - Date.now();
        say(L.connected);
        Object.keys(pending).forEach(function (id) { socket.send(JSON.stringify({ id: id, cmd: pending[id] })); });
      } else if (msg.type === "event") {
        if (msg.seq > s.seq) { apply(msg.seq, msg.event); draw(); }
      } else if (msg.type === "ack") {
        delete pending[msg.id]; keep();
        message.textContent = "";
      } else if (msg.type === "refused") {
        if (msg.id) { delete pending[msg.id]; keep(); }
        message.textContent = msg.message;
      }
    };
    socket.onclose = function () {
      say(L.reconnecting);
      attempts += 1;
      setTimeout(connect, Math.min(10000, 300 * Math.pow(2, attempts)));
    };
  };

  // ---- drawing ----
  // Everything dynamic is redrawn from the state; the forms stay put, so
  // typing is never interrupted, and focus returns to the same control.
  var parts = {
    step: el("section", { class: "lt-live-step", "aria-live": "polite" }),
    timer: el("p", { class: "lt-live-timer", hidden: true }),
    people: el("section", { class: "lt-live-people" }),
    main: el("section", { class: "lt-live-main" }),
    forms: el("div", { class: "lt-live-forms" }),
    controls: el("div", { class: "lt-live-controls" })
  };
  [parts.step, parts.timer, message, parts.controls, parts.main, parts.forms, parts.people].forEach(function (p) { board.appendChild(p); });

  var textForm = function (label, id, button, onSend, extra) {
    var field = el("textarea", { id: id, class: "form-input", rows: "2", maxlength: "500" });
    var form = el("form", { class: "lt-live-form", id: id + "-form" }, [
      el("div", { class: "form-group" }, [el("label", { class: "form-label", for: id, text: label }), field])
    ].concat(extra || []).concat([el("button", { type: "submit", class: "button button-secondary", text: button })]));
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (onSend(field.value, form) !== false) { field.value = ""; }
    });
    return form;
  };
  var noteForm = textForm(L["note-label"], "live-note", L["note-add"], function (text) { send({ type: "note", text: text }); });
  var ownerField = el("input", { id: "live-owner", class: "form-input", maxlength: "60" });
  var cardSelect = el("select", { id: "live-step-card", class: "form-select" }, [el("option", { value: "", text: L["next-step-none"] })]
    .concat(data.cards.map(function (c) { return el("option", { value: c.code, text: c.title }); })));
  var nextStepForm = textForm(L["next-step-text"], "live-next-step", L["next-step-add"], function (text) {
    send({ type: "add_next_step", text: text, owner: ownerField.value, card: cardSelect.value || null });
    ownerField.value = "";
  }, [
    el("div", { class: "form-group" }, [el("label", { class: "form-label", for: "live-owner", text: L["next-step-owner"] }), ownerField]),
    el("div", { class: "form-group" }, [el("label", { class: "form-label", for: "live-step-card", text: L["next-step-card"] }), cardSelect])
  ]);
  parts.forms.appendChild(noteForm);
  parts.forms.appendChild(nextStepForm);

  var name = function (p) { return s.people[p] ? s.people[p].name : "?"; };
  var button = function (key, text, onClick, cls, pressed) {
    return el("button", { type: "button", class: "button " + (cls || "button-secondary"), "data-k": key, "aria-pressed": pressed === undefined ? null : String(pressed), text: text, on: onClick });
  };
  var cardBox = function (code, children, cls, above) {
    var c = cardOf[code] || { title: code, text: "", questions: [] };
    return el("li", { class: "lt-live-card " + (cls || "") }, [
      above || null,
      el("h3", { class: "h5", text: c.title }),
      el("p", { text: c.text })
    ].concat(children || []));
  };
  var speakers = function () {
    return Object.keys(s.people).map(Number).filter(function (p) { return !s.people[p].facilitator; });
  };

  var drawMain = function () {
    var main = parts.main;
    main.textContent = "";
    var list = el("ul", { class: "lt-live-cards" });
    if (s.step === "lay_out" || (s.step === "pick" && facilitator)) {
      data.cards.forEach(function (c) { list.appendChild(cardBox(c.code)); });
      if (s.step === "pick") {
        var count = speakers().filter(function (p) { return s.picked[p]; }).length;
        main.appendChild(el("p", { class: "lt-live-big", text: fmt(L["picked-count"], count, speakers().length) }));
      }
    } else if (s.step === "pick") {
      main.appendChild(el("p", { text: L["pick-hint"] }));
      data.cards.forEach(function (c) {
        var mine = s.picks[me] === c.code;
        list.appendChild(cardBox(c.code, [button("pick-" + c.code, mine ? L["your-pick"] : L["pick-this"], function () { send({ type: "pick", card: c.code }); }, mine ? "button-primary" : "button-secondary", mine)], mine ? "lt-live-chosen" : ""));
      });
    } else if (s.step === "reasons") {
      main.appendChild(el("h2", { class: "h4", text: L["picks-heading"] }));
      var order = speakers();
      if (!order.some(function (p) { return s.picks[p]; })) { main.appendChild(el("p", { text: L["no-picks"] })); }
      order.forEach(function (p) {
        if (!s.picks[p]) { return; }
        var now = s.turn === p;
        var who = el("p", { class: "lt-live-who", text: (now ? L.speaker + ": " : "") + name(p) + (p === me ? " (" + L.you + ")" : "") });
        // The facilitator may give the word in any order, not only the join order.
        var give = facilitator && !s.ended && !now ? [button("turn-" + p, fmt(L["give-word"], name(p)), function () { send({ type: "turn", p: p }); })] : [];
        list.appendChild(cardBox(s.picks[p], give, now ? "lt-live-chosen" : "", who));
      });
      main.appendChild(el("p", { class: "lt-live-big", text: s.turn ? fmt(L["turn-now"], name(s.turn)) : L["turn-none"] }));
    } else if (s.step === "prioritise") {
      var mineDots = s.votes[me] || [];
      if (!facilitator) {
        main.appendChild(el("p", { class: "lt-live-big", text: plural("dots-left", data.dots - mineDots.length) }));
      }
      data.cards.forEach(function (c) {
        var all = Object.keys(s.votes).reduce(function (n, p) { return n + s.votes[p].filter(function (v) { return v === c.code; }).length; }, 0);
        var own = mineDots.filter(function (v) { return v === c.code; }).length;
        var kids = [el("p", { class: "lt-live-dots" }, [
          el("span", { "aria-hidden": "true", text: "●".repeat(all) + " " }),
          el("span", { class: "lt-live-dots-count", text: plural("dots-count", all) })
        ])];
        if (!facilitator) {
          kids.push(button("vote-" + c.code, L.vote, function () { send({ type: "vote", card: c.code }); }));
          if (own > 0) { kids.push(button("unvote-" + c.code, L.unvote + " (" + own + ")", function () { send({ type: "unvote", card: c.code }); })); }
        }
        list.appendChild(cardBox(c.code, kids, own > 0 ? "lt-live-chosen" : ""));
      });
    } else if (s.step === "next_steps") {
      main.appendChild(el("h2", { class: "h4", text: L["tally-heading"] }));
      main.appendChild(tallyChart());
      main.appendChild(el("h2", { class: "h4", text: L["next-steps-heading"] }));
      var steps = el("ol", { class: "lt-live-next-steps" });
      s.nextSteps.forEach(function (x) {
        var detail = [x.card ? (cardOf[x.card] || { title: x.card }).title : null, x.owner || null].filter(Boolean).join(" · ");
        steps.appendChild(el("li", {}, [
          el("span", { text: x.text + (detail ? " (" + detail + ")" : "") }),
          facilitator && !s.ended ? button("remove-" + x.n, L["next-step-remove"], function () { send({ type: "remove_next_step", n: x.n }); }, "button-unstyled lt-link-button") : null
        ]));
      });
      main.appendChild(steps);
    } else if (s.step === "pairs") {
      main.appendChild(el("p", { text: L.waiting }));
    } else if (s.step === "interview") {
      main.appendChild(el("h2", { class: "h4", text: fmt(L.round, s.round, data.rounds) }));
      var group = s.groups.filter(function (g) { return g.indexOf(me) >= 0; })[0];
      if (group && !facilitator) {
        main.appendChild(el("p", { class: "lt-live-big", text: fmt(L["your-partner"], group.filter(function (p) { return p !== me; }).map(name).join(" & ")) }));
        var c = cardOf[s.dealt[me]];
        if (c) {
          main.appendChild(el("p", { text: L["your-card"] }));
          var qs = el("ul", {});
          c.questions.forEach(function (q) { qs.appendChild(el("li", { text: q })); });
          list.appendChild(cardBox(c.code, [qs], "lt-live-chosen"));
        }
      } else {
        s.groups.forEach(function (g) {
          list.appendChild(el("li", { class: "lt-live-card" }, [el("p", { text: g.map(name).join(" & ") })]));
        });
      }
    } else if (s.step === "close") {
      main.appendChild(el("p", { text: L.waiting }));
    }
    main.appendChild(list);
    if (s.notes.length && (s.step === "reasons" || s.step === "next_steps" || s.ended)) {
      main.appendChild(el("h2", { class: "h4", text: L["notes-heading"] }));
      var notes = el("ul", { class: "lt-live-notes" });
      s.notes.forEach(function (n) { notes.appendChild(el("li", { text: name(n.p) + ": " + n.text })); });
      main.appendChild(notes);
    }
  };

  // The dots per theme as bars, most first; the count is written beside each
  // bar, so the bar itself is hidden from screen readers.
  var tallyChart = function () {
    var rows = tallied();
    var most = rows.length ? rows[0][1] : 0;
    var chart = el("ol", { class: "lt-live-tally nobullet-list" });
    rows.forEach(function (t) {
      chart.appendChild(el("li", {}, [el("div", { class: "lt-live-tally-row" }, [
        el("span", { class: "lt-live-tally-title", text: cardOf[t[0]].title }),
        el("meter", { class: "lt-live-tally-bar", min: "0", max: String(most), value: String(t[1]), "aria-hidden": "true" }),
        el("span", { class: "lt-live-tally-count", text: plural("dots-count", t[1]) })
      ])]));
    });
    return chart;
  };

  var tallied = function () {
    var counts = {};
    Object.keys(s.votes).forEach(function (p) { s.votes[p].forEach(function (c) { counts[c] = (counts[c] || 0) + 1; }); });
    return data.cards.map(function (c) { return [c.code, counts[c.code] || 0]; })
      .filter(function (t) { return t[1] > 0; })
      .sort(function (a, b) { return b[1] - a[1]; });
  };

  var drawControls = function () {
    var box = parts.controls;
    box.textContent = "";
    if (!facilitator || s.ended) { return; }
    var next = data.order[stepIndex(s.step) + 1];
    if (s.step === "pairs") { next = "interview"; }
    if (s.step === "interview") {
      if (s.round < data.rounds) { box.appendChild(button("next-round", L["next-round"], function () { send({ type: "next_round" }); }, "button-primary")); }
      next = "close";
    }
    if (next && data.steps[next]) {
      box.appendChild(button("advance", fmt(L.advance, data.steps[next].title), function () { send({ type: "advance" }); }, "button-primary"));
    }
    if (s.step === "reasons") { box.appendChild(button("next-turn", L["next-turn"], function () { send({ type: "next_turn" }); })); }
    if (s.step === "reasons" || s.step === "interview") {
      box.appendChild(button("timer", fmt(L["timer-start"], data.seconds), function () { send({ type: "timer", seconds: data.seconds }); }));
      if (s.timer) { box.appendChild(button("timer-stop", L["timer-stop"], function () { send({ type: "timer", seconds: 0 }); })); }
    }
    box.appendChild(button("end", L.end, function () { if (window.confirm(L["end-confirm"])) { send({ type: "end" }); } }, "button-unstyled lt-link-button"));
  };

  var drawPeople = function () {
    var box = parts.people;
    box.textContent = "";
    box.appendChild(el("h2", { class: "h5", text: fmt(L.participants, Object.keys(s.people).length) }));
    var list = el("ul", { class: "lt-live-people-list" });
    Object.keys(s.people).map(Number).forEach(function (p) {
      var tags = [];
      if (s.people[p].facilitator) { tags.push(L.facilitator); }
      if (p === me) { tags.push(L.you); }
      if (s.step === "pick" && s.picked[p]) { tags.push("✓"); }
      list.appendChild(el("li", { class: s.turn === p ? "lt-live-turn" : "", text: name(p) + (tags.length ? " (" + tags.join(", ") + ")" : "") }));
    });
    box.appendChild(list);
  };

  var drawTimer = function () {
    if (!s.timer) { parts.timer.hidden = true; return; }
    var left = Math.max(0, Math.ceil(s.timer.seconds - (Date.now() + skew - s.timer.started) / 1000));
    parts.timer.hidden = false;
    parts.timer.textContent = fmt(L["timer-label"], Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0"));
    parts.timer.classList.toggle("lt-live-timer-over", left === 0);
  };
  setInterval(drawTimer, 250);

  var draw = function () {
    var focused = document.activeElement && document.activeElement.getAttribute("data-k");
    var step = data.steps[s.step] || { title: "", text: "" };
    parts.step.textContent = "";
    parts.step.appendChild(el("h2", { class: "h3", text: s.ended ? L.ended : fmt(L.step, stepIndex(s.step) + 1, data.order.length, step.title) }));
    if (!s.ended) { parts.step.appendChild(el("p", { text: step.text })); }
    drawMain();
    drawControls();
    drawPeople();
    drawTimer();
    noteForm.hidden = s.ended || !(s.step === "reasons" || s.step === "next_steps" || s.step === "interview");
    nextStepForm.hidden = s.ended || !facilitator || s.step !== "next_steps";
    var join = document.querySelector(".lt-live-join");
    if (join) {
      // Late-comers can still join, but after the first step the code
      // gives the cards the room.
      join.hidden = s.ended;
      join.classList.toggle("lt-live-join-compact", stepIndex(s.step) > 0);
    }
    if (focused) {
      var again = root.querySelector('[data-k="' + focused + '"]');
      if (again) { again.focus(); }
    }
  };
  draw();
  connect();
})();
