// redactor's replay viewer: plain JS, no build step. Talks to this server's admin API only.
// Everything shown comes from the store and is written with textContent, never as HTML.
(function () {
  "use strict";

  var TOKEN_KEY = "redactor.token";
  var state = { token: sessionStorage.getItem(TOKEN_KEY) || "", site: null, session: null, player: null,
                configuredSite: null };

  function $(id) { return document.getElementById(id); }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes.text;
      else if (name === "on") Object.keys(attributes.on).forEach(function (e) { node.addEventListener(e, attributes.on[e]); });
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function status(text, isError) {
    var box = $("status");
    box.textContent = text || "";
    box.classList.toggle("error", !!isError);
  }

  function api(path, options) {
    options = options || {};
    var headers = { Authorization: "Bearer " + state.token };
    if (options.body) headers["Content-Type"] = "application/json";
    return fetch(path, { method: options.method || "GET", headers: headers, body: options.body, cache: "no-store",
                         credentials: "omit" })
      .then(function (answer) {
        if (answer.status === 401) {
          signOut("The token was refused (unknown or revoked): sign in again.");
          throw new Error("unauthorized");
        }
        if (answer.status === 204) return null;
        return answer.json().catch(function () { return null; }).then(function (body) {
          if (!answer.ok) throw new Error((body && body.detail) || answer.status + " " + answer.statusText);
          return body;
        });
      });
  }

  function sitePath(site) { return "/v1/sites/" + encodeURIComponent(site); }
  function sessionPath(site, session) { return sitePath(site) + "/sessions/" + encodeURIComponent(session); }

  function formatBytes(n) {
    if (n < 1024) return n + " B";
    if (n < 1024 * 1024) return (n / 1024).toFixed(1) + " KB";
    return (n / 1024 / 1024).toFixed(1) + " MB";
  }
  function formatOffset(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  function total(remarks) {
    return Object.keys(remarks || {}).reduce(function (sum, key) { return sum + remarks[key]; }, 0);
  }

  // -- signing in and out -------------------------------------------------------------------------
  function showSignedIn(signedIn) {
    $("signin-section").hidden = signedIn;
    $("sessions-section").hidden = !signedIn;
    $("who").hidden = !signedIn;
    if (!signedIn) $("replay-section").hidden = true;
  }

  function signIn(token) {
    state.token = token;
    return api("/v1/sites").then(function (sites) {
      sessionStorage.setItem(TOKEN_KEY, token);
      showSignedIn(true);
      status("");
      var select = $("site");
      select.replaceChildren.apply(select, sites.map(function (site) { return el("option", { value: site, text: site }); }));
      if (!sites.length) { status("No site yet: create one with PUT /v1/sites/{site}."); return; }
      return loadSessions(select.value);
    });
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = "";
    destroyPlayer();
    showSignedIn(false);
    $("token").value = "";
    status(message || "Signed out.", !!message);
    $("token").focus();
  }

  // -- sessions -----------------------------------------------------------------------------------
  function loadSessions(site) {
    state.site = site;
    status("Loading the sessions of " + site + "…");
    return api(sitePath(site) + "/sessions").then(function (sessions) {
      if (state.site !== site) return;  // another site was picked meanwhile: its list is the one to show
      sessions.sort(function (a, b) { return b.first_at - a.first_at; });
      $("sessions-caption").textContent = sessions.length + " stored session" + (sessions.length === 1 ? "" : "s") +
        " of " + site + ", newest first";
      var rows = sessions.map(function (s) {
        var started = new Date(s.first_at * 1000);
        var button = el("button", { type: "button", class: "quiet", "aria-label": "Replay session " + s.session,
                                    text: "Replay", on: { click: function () { openSession(s); } } });
        return el("tr", { "data-session": s.session }, [
          el("td", {}, [el("time", { datetime: started.toISOString(), title: s.session, text: started.toLocaleString() })]),
          el("td", { class: "page", text: s.page || "—" }),
          el("td", { class: "num", text: String(s.events) }),
          el("td", { class: "num", text: formatBytes(s.bytes) }),
          el("td", { class: "num", text: String(total(s.remarks)) }),
          el("td", {}, [button]),
        ]);
      });
      var body = $("sessions").tBodies[0];
      body.replaceChildren.apply(body, rows);
      status("");
    });
  }

  // -- replay -------------------------------------------------------------------------------------
  function destroyPlayer() {
    if (state.player && typeof state.player.$destroy === "function") {
      try { state.player.pause(); } catch (e) { /* already stopped */ }
      state.player.$destroy();
    }
    state.player = null;
    $("player").replaceChildren();
  }

  function openSession(summary) {
    var site = state.site;
    state.session = summary.session;
    Array.prototype.forEach.call($("sessions").tBodies[0].rows, function (row) {
      row.setAttribute("aria-current", String(row.getAttribute("data-session") === summary.session));
    });
    status("Loading session " + summary.session + "…");
    return api(sessionPath(site, summary.session) + "/events").then(function (events) {
      $("replay-section").hidden = false;
      $("replay-title").textContent = "Session " + summary.session;
      $("replay-meta").textContent = (summary.page || "") + " · " + events.length + " events · " + formatBytes(summary.bytes) +
        " · started " + new Date(summary.first_at * 1000).toLocaleString();
      showRemarks(summary.remarks || {});
      $("preview-result").replaceChildren();
      play(events);
      status("");
      $("replay-title").setAttribute("tabindex", "-1");
      $("replay-title").focus();
      if (state.configuredSite !== site) {
        state.configuredSite = site;
        var selectors = $("selectors");
        selectors.value = "";  // another site's block-list is no start for this one
        return api(sitePath(site)).then(function (config) {
          // what someone already wrote there while the block-list was on its way is theirs: kept
          if (state.site === site && !selectors.value.trim()) selectors.value = (config.block_selectors || []).join("\n");
        });
      }
    });
  }

  function play(events) {
    destroyPlayer();
    var container = $("player");
    if (events.length < 2) {
      container.append(el("p", { text: "This session has too few events to replay." }));
      return;
    }
    var Player = window.rrwebPlayer && (window.rrwebPlayer.default || window.rrwebPlayer);
    var width = Math.max(320, container.clientWidth - 20);
    state.player = new Player({
      target: container,
      props: { events: events, width: width, height: Math.round(width * 0.56), autoPlay: true, showController: true,
               skipInactive: true, mouseTail: false, UNSAFE_replayCanvas: false },
    });
  }

  function showRemarks(remarks) {
    var keys = Object.keys(remarks).sort(function (a, b) { return remarks[b] - remarks[a] || (a < b ? -1 : 1); });
    var rows = keys.map(function (key) {
      var parts = key.split("|");
      return el("tr", {}, [el("td", { text: parts[0] }), el("td", { text: parts[1] || "" }),
                           el("td", { text: parts[2] || "" }), el("td", { class: "num", text: String(remarks[key]) })]);
    });
    if (!rows.length) rows = [el("tr", {}, [el("td", { colspan: "4", text: "Nothing was redacted in this session." })])];
    var body = $("remarks").tBodies[0];
    body.replaceChildren.apply(body, rows);
    $("remarks-total").textContent = String(total(remarks));
  }

  // -- block-list preview ---------------------------------------------------------------------------
  function candidateSelectors() {
    return $("selectors").value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function preview() {
    var selectors = candidateSelectors();
    var result = $("preview-result");
    if (!selectors.length) { result.replaceChildren(el("p", { text: "Write at least one selector." })); return; }
    result.replaceChildren(el("p", { text: "Looking for matches…" }));
    return api(sessionPath(state.site, state.session) + "/preview",
               { method: "POST", body: JSON.stringify({ selectors: selectors }) })
      .then(function (answer) { showPreview(answer); })
      .catch(function (error) { result.replaceChildren(el("p", { class: "error", text: error.message })); });
  }

  function showPreview(answer) {
    var matched = answer.matched;
    var summary = matched.length
      ? matched.length + " element" + (matched.length === 1 ? "" : "s") + " would be blocked (" + answer.blocked_nodes +
        " nodes with what is inside them)" + (answer.complete ? "." : ", in the part of the session that was read.")
      : "These selectors block nothing in this session.";
    var perSelector = el("ul", { class: "by-selector" }, Object.keys(answer.by_selector).map(function (selector) {
      var n = answer.by_selector[selector];
      return el("li", {}, [el("code", { text: selector }), " — " + (n ? n + " element" + (n === 1 ? "" : "s") : "matches nothing here")]);
    }));
    var list = el("ol", { id: "preview-matches" }, matched.map(function (m) {
      var when = m.offset_ms == null ? "" : " at " + formatOffset(m.offset_ms);
      return el("li", { "data-node": String(m.id) }, [
        el("code", { text: m.path }), " — by ", el("code", { text: m.selector }), ", " + m.nodes + " node" + (m.nodes === 1 ? "" : "s") + when + " ",
        el("button", { type: "button", class: "quiet", "aria-label": "Show " + m.path.split(" > ").pop() + " in the replay", text: "Show",
                       on: { click: function () { highlight(m); } } }),
      ]);
    }));
    $("preview-result").replaceChildren(el("p", { id: "preview-summary", text: summary }), perSelector, list);
  }

  function highlight(match) {
    var player = state.player;
    if (!player) return;
    if (match.offset_ms != null) player.goto(match.offset_ms + 50, false);
    setTimeout(function () {
      var node = player.getMirror().getNode(match.id);
      if (!node || node.nodeType !== 1) { status("That element is not on the page at this moment of the replay."); return; }
      node.style.setProperty("outline", "3px solid #d6336c", "important");
      node.style.setProperty("outline-offset", "2px", "important");
      if (node.scrollIntoView) node.scrollIntoView({ block: "center" });
      status("Outlined " + match.path + " in the replay (paused).");
    }, 100);
  }

  function saveBlocklist() {
    var selectors = candidateSelectors();
    return api(sitePath(state.site), { method: "PATCH", body: JSON.stringify({ block_selectors: selectors }) })
      .then(function () { status("Saved: " + selectors.length + " block selector(s) apply to batches received from now on."); })
      .catch(function (error) { status("Not saved: " + error.message, true); });
  }

  // -- wiring -------------------------------------------------------------------------------------
  function failed(error) { if (error.message !== "unauthorized") status(error.message, true); }

  document.addEventListener("DOMContentLoaded", function () {
    $("signin").addEventListener("submit", function (event) {
      event.preventDefault();
      signIn($("token").value.trim()).catch(function (error) {
        if (error.message !== "unauthorized") status(error.message, true);
      });
    });
    $("signout").addEventListener("click", function () { signOut(); });
    $("site-form").addEventListener("submit", function (event) {
      event.preventDefault();
      loadSessions($("site").value).catch(failed);
    });
    $("site").addEventListener("change", function () { loadSessions($("site").value).catch(failed); });
    $("preview").addEventListener("submit", function (event) { event.preventDefault(); preview(); });
    $("save-blocklist").addEventListener("click", function () { saveBlocklist(); });
    if (state.token) signIn(state.token).catch(function () { showSignedIn(false); });
    else showSignedIn(false);
  });
})();
