// The recording snippet of these test pages: the real rrweb recorder, batches POSTed
// cross-origin to redactor (window.__ingest is set by the test before the page loads).
// Same shape as the walkthrough's snippet, plus what a test needs to know: when everything
// was sent, which answers came back, and a copy of what the browser sent (before redaction).
(function () {
  var ingest = window.__ingest;
  var buf = [];
  var inFlight = 0;
  var recorder = { started: false, failures: 0, statuses: [], sent: [] };

  function flush() {
    if (inFlight || !buf.length) return Promise.resolve();  // one batch at a time: in order
    var events = buf.splice(0);
    var body = JSON.stringify(events);
    inFlight++;
    return fetch(ingest, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body,
      keepalive: body.length < 60000,  // the browser refuses keepalive bodies over 64 KiB
    }).then(function (answer) {
      recorder.statuses.push(answer.status);
      if (!answer.ok) recorder.failures++;
      Array.prototype.push.apply(recorder.sent, events);
    }, function () {
      recorder.failures++;
    }).finally(function () {
      inFlight--;
    });
  }

  recorder.flush = function () {
    return flush().then(function () { return buf.length ? flush() : null; });
  };
  recorder.idle = function () { return buf.length === 0 && inFlight === 0; };
  window.__recorder = recorder;

  rrweb.record({ emit: function (event) { buf.push(event); } });
  recorder.started = true;
  setInterval(flush, 1000);
  addEventListener("pagehide", flush);
})();
