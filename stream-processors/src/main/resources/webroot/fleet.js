// The live fleet page: renders GET /fleet snapshots pushed by GET /events (Server-Sent Events),
// falling back to polling GET /fleet every 2 s when SSE is unavailable. The SoC chart starts from
// GET /vehicles/{id}/history and grows with every snapshot. No framework, no build step.
(function () {
  "use strict";

  var POLL_MS = 2000;
  var MAX_POINTS = 360;
  var PALETTE = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2",
                 "#db2777", "#65a30d", "#7c3aed", "#ea580c"];

  var updates = 0;
  var series = {};          // vehicleId -> [{t, soc}] oldest first
  var colors = {};          // vehicleId -> colour
  var names = {};           // vehicleId -> "Make Model"
  var historyAsked = {};    // vehicleId -> true once /history was requested
  var pollTimer = null;

  // ---- formatting -------------------------------------------------------------------------

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function titleCase(s) {
    if (!s) { return ""; }
    return s.length <= 3 ? s : s.charAt(0) + s.slice(1).toLowerCase().replace(/[_-](\w)/g,
        function (m, c) { return " " + c.toUpperCase(); });
  }
  function num(v, digits) {
    return v == null ? "–" : Number(v).toFixed(digits == null ? 1 : digits);
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function clock(iso) {
    if (!iso) { return "–"; }
    var d = new Date(iso);
    var today = new Date();
    if (d.toDateString() === today.toDateString()) { return pad(d.getHours()) + ":" + pad(d.getMinutes()); }
    var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    return months[d.getMonth()] + " " + d.getDate() + ", " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }
  function duration(seconds) {
    if (seconds == null) { return "–"; }
    var m = Math.round(seconds / 60);
    if (m < 60) { return m + " min"; }
    return Math.floor(m / 60) + " h " + pad(m % 60) + " min";
  }
  function ago(iso) {
    if (!iso) { return "never"; }
    var s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) { return s + " s ago"; }
    if (s < 3600) { return Math.round(s / 60) + " min ago"; }
    if (s < 172800) { return Math.round(s / 3600) + " h ago"; }
    return Math.round(s / 86400) + " days ago";
  }
  function vehicleName(id) { return names[id] || id; }
  function colorOf(id) {
    if (!colors[id]) { colors[id] = PALETTE[Object.keys(colors).length % PALETTE.length]; }
    return colors[id];
  }

  // ---- vehicles -----------------------------------------------------------------------------

  function chargingPill(v) {
    if (v.charging) {
      return '<span class="pill pill-charging">Charging' +
          (v.powerKw != null ? " " + num(v.powerKw) + " kW" : "") + "</span>";
    }
    if (v.plugged) {
      return '<span class="pill pill-plugged">' +
          esc(v.chargingStatus && v.chargingStatus !== "NOT_CHARGING" ? titleCase(v.chargingStatus) : "Not charging") + "</span>";
    }
    if (v.asleep) { return '<span class="pill pill-asleep">Asleep</span>'; }
    return v.chargingStatus && v.chargingStatus !== "NOT_CHARGING"
        ? '<span class="pill pill-idle">' + esc(titleCase(v.chargingStatus)) + "</span>"
        : "";
  }

  function chip(value, yes, no, kind) {
    var label = value == null ? kind + " unknown" : (value ? yes : no);
    return '<span class="chip ' + kind + (value ? " on" : "") + '" data-value="' + value + '">' + label + "</span>";
  }

  function connectionFacts(v) {
    var c = v.connection;
    var status = c ? c.status : "unknown";
    var subs = c && c.subscriptions && c.subscriptions.length
        ? c.subscriptions.map(function (s) {
            return '<span class="subscription" data-webhook-id="' + esc(s.webhookId) + '" data-status="' +
                esc(s.status) + '" title="' + esc(s.error || s.webhookId) + '">' + esc(s.webhookId) + ": " +
                esc(s.status.toLowerCase()) + "</span>";
          }).join(" ")
        : "unknown";
    var source = v.dataSource || "unknown";
    var sourceText = source === "API_READ" ? "API read" : source === "WEBHOOK" ? "webhook" : "unknown";
    var readAt = c && c.lastReadAt ? " · last read " + ago(c.lastReadAt) : "";
    return '<dt>Connection</dt><dd class="connection-status" data-connection="' + esc(status) + '">' +
        esc(status.toLowerCase()) + "</dd>" +
        '<dt>Webhooks</dt><dd class="subscriptions">' + subs + "</dd>" +
        '<dt>Data from</dt><dd class="data-source" data-source="' + esc(source) + '">' + esc(sourceText) +
        readAt + "</dd>";
  }

  function vehicleCard(v) {
    var soc = v.soc == null ? null : Math.max(0, Math.min(100, v.soc));
    var fillClass = "soc-fill" + (v.charging ? " charging" : (soc != null && soc < 20 ? " low" : ""));
    var loc = v.location
        ? num(v.location.latitude, 4) + ", " + num(v.location.longitude, 4)
        : "unknown";
    var errs = v.openErrors || [];
    var errorHtml = errs.length
        ? '<div class="errors" data-open-errors="' + errs.length + '">' + errs.length + " open error" +
          (errs.length > 1 ? "s" : "") + ": " + esc(errs.map(function (e) { return e.code || e.type; }).join(", ")) + "</div>"
        : '<div class="errors none" data-open-errors="0">No open errors' +
          (v.failingSignals && v.failingSignals.length ? " · " + v.failingSignals.length + " signal(s) failing" : "") + "</div>";
    var cmd = v.lastCommand
        ? '<div class="last-command"><span class="lc-label">Last command</span> ' +
          esc(v.lastCommand.type.toLowerCase().replace(/_/g, " ")) + " " + outcomePill(v.lastCommand) +
          confirmationPill(v.lastCommand) + "</div>"
        : "";
    return '<article class="vehicle-card" data-vehicle-id="' + esc(v.vehicleId) + '" data-soc="' +
        (soc == null ? "" : soc) + '" data-charging="' + (v.charging === true) + '" style="--vehicle-color:' +
        colorOf(v.vehicleId) + '">' +
        '<div class="vc-head"><div class="vc-title" title="' + esc(names[v.vehicleId]) + '">' +
        esc(names[v.vehicleId]) + ' <span class="vc-year">' + esc(v.year || "") + "</span></div>" +
        '<div class="vc-id" title="' + esc(v.vehicleId) + '">' + esc(v.vehicleId) + "</div></div>" +
        '<div class="soc"><div class="soc-bar"><div class="' + fillClass + '" style="width:' + (soc || 0) + '%"></div>' +
        (v.chargeLimit != null ? '<div class="soc-limit" title="charge limit" style="left:' + v.chargeLimit + '%"></div>' : "") +
        '</div><span class="soc-value">' + (soc == null ? "–" : Math.round(soc) + "%") + "</span></div>" +
        '<div class="chips">' + chargingPill(v) +
        chip(v.plugged, "plugged in", "unplugged", "plug") +
        chip(v.locked, "locked", "unlocked", "lock") +
        (v.atHome ? '<span class="chip on">home</span>' : "") +
        (v.online === false ? '<span class="chip alert">offline</span>' : "") +
        "</div>" +
        '<dl class="facts">' +
        "<dt>Range</dt><dd>" + (v.range == null ? "–" : Math.round(v.range) + " " + esc(v.rangeUnit || "")) +
        (v.chargeLimit != null ? " · limit " + Math.round(v.chargeLimit) + "%" : "") + "</dd>" +
        '<dt>Location</dt><dd class="location">' + esc(loc) + "</dd>" +
        "<dt>Updated</dt><dd>" + ago(v.lastEventAt) + "</dd>" +
        connectionFacts(v) +
        "</dl>" + errorHtml + cmd + "</article>";
  }

  function renderVehicles(vehicles) {
    var box = document.getElementById("vehicles");
    if (!vehicles.length) {
      box.innerHTML = '<p class="empty">No vehicle has reported yet.</p>';
      return;
    }
    box.innerHTML = vehicles.map(vehicleCard).join("");
  }

  // ---- sessions and commands ----------------------------------------------------------------

  function sessionStatus(s) {
    if (s.status === "ACTIVE") { return '<span class="pill pill-active">Active</span>'; }
    var reason = s.endReason ? titleCase(s.endReason) : titleCase(s.status);
    return '<span class="pill ' + (s.status === "COMPLETED" ? "pill-ok" : "pill-warn") + '">' + esc(reason) + "</span>";
  }

  function renderSessions(sessions) {
    var body = document.querySelector("#sessions tbody");
    if (!sessions.length) {
      body.innerHTML = '<tr class="empty-row"><td colspan="7">No sessions yet.</td></tr>';
      return;
    }
    body.innerHTML = sessions.map(function (s) {
      return '<tr class="session-row" data-session-id="' + esc(s.sessionId) + '" data-vehicle-id="' +
          esc(s.vehicleId) + '" data-status="' + esc(s.status) + '">' +
          '<td class="vehicle">' + esc(vehicleName(s.vehicleId)) + "</td>" +
          "<td>" + clock(s.startedAt) + "</td>" +
          "<td>" + duration(s.durationSeconds) + "</td>" +
          '<td class="num energy">' + (s.energyKwh == null ? "–" : num(s.energyKwh, 2) + " kWh") +
          (s.energySource === "ESTIMATED" ? "*" : "") + "</td>" +
          '<td class="num">' + num(s.averagePowerKw) + " / " + num(s.peakPowerKw) + "</td>" +
          "<td>" + (s.startSoc == null ? "–" : Math.round(s.startSoc)) + " → " +
          (s.endSoc == null ? "–" : Math.round(s.endSoc)) + "</td>" +
          "<td>" + sessionStatus(s) + "</td></tr>";
    }).join("");
  }

  function outcomePill(c) {
    var cls = c.status === "SUCCEEDED" ? "pill-ok" : (c.status === "EXPIRED" ? "pill-warn" : "pill-bad");
    var label = c.status + (c.alreadyInState ? " (already)" : "") + (c.outcomeUnknown ? " (unknown)" : "");
    return '<span class="pill ' + cls + '">' + esc(label) + "</span>";
  }

  // The car's own confirmation of a succeeded command (smartcar.command-confirmations.v1).
  function confirmationOf(c) {
    return c.confirmation && c.confirmation.outcome ? c.confirmation.outcome : "";
  }

  function confirmationPill(c) {
    var outcome = confirmationOf(c);
    if (!outcome) { return ""; }
    var cls = outcome === "CONFIRMED" ? "pill-ok" : (outcome === "CONTRADICTED" ? "pill-bad" :
        (outcome === "UNCONFIRMED" ? "pill-warn" : "pill-wait"));
    var label = outcome === "AWAITING" ? "awaiting car" : outcome.toLowerCase();
    var ev = c.confirmation.evidence;
    var title = ev ? ev.signal + " = " + ev.value + (ev.oemUpdatedAt ? " at " + ev.oemUpdatedAt : "")
        : (c.confirmation.message || "waiting for a reading newer than the command");
    return ' <span class="pill confirmation ' + cls + '" data-confirmation="' + esc(outcome) +
        '" title="' + esc(title) + '">' + esc(label) + "</span>";
  }

  function renderCommands(commands) {
    var body = document.querySelector("#commands tbody");
    if (!commands.length) {
      body.innerHTML = '<tr class="empty-row"><td colspan="6">No command results yet.</td></tr>';
      return;
    }
    body.innerHTML = commands.map(function (c) {
      return '<tr class="command-row" data-command-id="' + esc(c.commandId) + '" data-status="' +
          esc(c.status) + '" data-confirmation="' + esc(confirmationOf(c)) + '">' +
          "<td>" + clock(c.completedAt) + "</td>" +
          '<td class="vehicle">' + esc(vehicleName(c.vehicleId)) + "</td>" +
          "<td>" + esc(c.type) + "</td>" +
          "<td>" + outcomePill(c) + confirmationPill(c) + "</td>" +
          '<td class="num">' + esc(c.attempts) + "</td>" +
          '<td class="note">' + esc(c.errorCode || c.message || "") + "</td></tr>";
    }).join("");
  }

  // ---- chart --------------------------------------------------------------------------------

  function addPoint(id, t, soc) {
    var list = series[id] || (series[id] = []);
    if (list.length && list[list.length - 1].t >= t) { return; }
    list.push({ t: t, soc: soc });
    if (list.length > MAX_POINTS) { list.shift(); }
  }

  function loadHistory(id) {
    historyAsked[id] = true;
    fetch("vehicles/" + encodeURIComponent(id) + "/history")
      .then(function (r) { return r.ok ? r.json() : { points: [] }; })
      .then(function (h) {
        var merged = (h.points || []).map(function (p) { return { t: Date.parse(p.at), soc: p.soc }; });
        (series[id] || []).forEach(function (p) {
          if (!merged.length || p.t > merged[merged.length - 1].t) { merged.push(p); }
        });
        series[id] = merged.slice(-MAX_POINTS);
        renderChart();
      })
      .catch(function () { historyAsked[id] = false; });
  }

  function renderChart() {
    var box = document.getElementById("soc-chart");
    var W = box.clientWidth || 480, H = box.clientHeight || 190;
    var L = 34, R = 10, T = 8, B = 22;
    var ids = Object.keys(series).filter(function (id) { return series[id].length; });
    var tMin = Infinity, tMax = -Infinity, count = 0;
    ids.forEach(function (id) {
      series[id].forEach(function (p) { tMin = Math.min(tMin, p.t); tMax = Math.max(tMax, p.t); count++; });
    });
    box.setAttribute("data-points", count);
    var svg = '<svg viewBox="0 0 ' + W + " " + H + '" role="img" aria-label="State of charge over time">';
    svg += '<g class="grid axis">';
    [0, 25, 50, 75, 100].forEach(function (v) {
      var y = T + (H - T - B) * (1 - v / 100);
      svg += '<line x1="' + L + '" x2="' + (W - R) + '" y1="' + y + '" y2="' + y + '"></line>' +
          '<text x="' + (L - 6) + '" y="' + (y + 3) + '" text-anchor="end">' + v + "%</text>";
    });
    if (count > 0) {
      if (tMax === tMin) { tMin -= 60000; tMax += 60000; }
      [0, 0.5, 1].forEach(function (f, i) {
        var t = tMin + (tMax - tMin) * f;
        var d = new Date(t);
        svg += '<text x="' + (L + (W - L - R) * f) + '" y="' + (H - 6) + '" text-anchor="' +
            ["start", "middle", "end"][i] + '">' + pad(d.getHours()) + ":" + pad(d.getMinutes()) + "</text>";
      });
    }
    svg += "</g>";
    if (!count) {
      svg += '<text class="chart-empty" x="' + (W / 2) + '" y="' + (H / 2) + '" text-anchor="middle">SoC readings appear here as vehicles report</text>';
    }
    ids.forEach(function (id) {
      var pts = series[id].map(function (p) {
        var x = L + (W - L - R) * (p.t - tMin) / (tMax - tMin);
        var y = T + (H - T - B) * (1 - Math.max(0, Math.min(100, p.soc)) / 100);
        return x.toFixed(1) + "," + y.toFixed(1);
      });
      var last = pts[pts.length - 1].split(",");
      // the last reading holds until the next one: a dashed line to the right edge
      svg += '<line class="hold" stroke="' + colorOf(id) + '" x1="' + last[0] + '" y1="' + last[1] +
          '" x2="' + (W - R) + '" y2="' + last[1] + '"></line>';
      if (pts.length > 1) {
        svg += '<polyline class="series" data-vehicle-id="' + esc(id) + '" stroke="' + colorOf(id) +
            '" points="' + pts.join(" ") + '"></polyline>';
      }
      svg += '<circle class="dot" fill="' + colorOf(id) + '" cx="' + last[0] + '" cy="' + last[1] + '" r="3.5"></circle>';
    });
    box.innerHTML = svg + "</svg>";
    document.getElementById("chart-legend").innerHTML = ids.map(function (id) {
      return '<span style="--c:' + colorOf(id) + '">' + esc(vehicleName(id)) + "</span>";
    }).join("");
  }

  // ---- totals and the snapshot --------------------------------------------------------------

  function setText(id, text) { document.getElementById(id).textContent = text; }

  function renderTotals(t) {
    var by = t.commandsByStatus || {};
    var ok = by.SUCCEEDED || 0;
    setText("total-vehicles", t.vehicles);
    setText("total-charging", t.charging);
    setText("total-plugged", t.plugged);
    setText("total-sessions", t.activeSessions + " / " + t.finishedSessions);
    setText("total-energy", num(t.energyKwh, 1));
    setText("total-commands", ok + " / " + (t.commands - ok));
    setText("total-errors", t.vehiclesWithErrors);
  }

  function render(fleet) {
    fleet.vehicles.forEach(function (v) {
      names[v.vehicleId] = (titleCase(v.make) + " " + (v.model || "")).trim();
      colorOf(v.vehicleId);
      if (!historyAsked[v.vehicleId]) { loadHistory(v.vehicleId); }
      if (v.soc != null && v.socAt) { addPoint(v.vehicleId, Date.parse(v.socAt), v.soc); }
    });
    renderTotals(fleet.totals);
    renderVehicles(fleet.vehicles);
    renderSessions(fleet.sessions);
    renderCommands(fleet.commands);
    renderChart();
    updates++;
    document.body.setAttribute("data-updates", updates);
    var last = document.getElementById("last-update");
    last.setAttribute("data-updates", updates);
    last.setAttribute("data-generated-at", fleet.generatedAt);
    var unreachable = (fleet.instances && fleet.instances.unreachable) || [];
    last.textContent = "updated " + new Date(fleet.generatedAt).toLocaleTimeString([], { hour12: false }) +
        " · " + updates + " update" + (updates === 1 ? "" : "s") +
        (unreachable.length ? " · partial: no answer from " + unreachable.join(", ") : "");
    last.classList.toggle("partial", unreachable.length > 0);
  }

  // ---- transport: SSE, else polling ---------------------------------------------------------

  function setMode(mode, label) {
    var el = document.getElementById("connection");
    el.className = "conn conn-" + mode;
    el.setAttribute("data-mode", mode);
    el.textContent = label;
  }

  function poll() {
    fetch("fleet")
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (f) { setMode("polling", "polling"); render(f); })
      .catch(function () { setMode("down", "retrying"); })
      .then(function () { pollTimer = setTimeout(poll, POLL_MS); });
  }

  function startPolling() {
    if (pollTimer === null) { poll(); }
  }

  function connect() {
    var wantPoll = /[?&]mode=poll\b/.test(location.search);
    if (wantPoll || !window.EventSource) { startPolling(); return; }
    var received = false;
    var es = new EventSource("events");
    es.onmessage = function (e) {
      received = true;
      setMode("live", "live");
      render(JSON.parse(e.data));
    };
    es.addEventListener("unavailable", function () { setMode("down", "stores restoring"); });
    es.onerror = function () {
      if (!received) { es.close(); startPolling(); } else { setMode("down", "reconnecting"); }
    };
  }

  window.addEventListener("resize", renderChart);
  renderChart();
  connect();
}());
