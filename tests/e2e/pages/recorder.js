// The recording snippet of these test pages: the real rrweb recorder, batches POSTed
// cross-origin to redactor (window.__ingest is set by the test before the page loads).
// Same shape as the walkthrough's snippet, plus what a test needs to know: when everything
// was sent, which answers came back, and a copy of what the browser sent (before redaction).
(function () {
  var ingest = window.__ingest;
  var buf = [];
  var inFlight = 0;
  var recorder = { started: false, failures: 0, retries: 0, statuses: [], sent: [] };

  // A connection the server closed as idle just as a batch went out fails at the network level,
  // before any answer: sent once more, as a recorder in production does (README's snippet).
  function post(body, retry) {
    return fetch(ingest, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: body,
      keepalive: body.length < 60000,  // the browser refuses keepalive bodies over 64 KiB
    }).catch(function (error) {
      if (!retry) throw error;
      recorder.retries++;
      return new Promise(function (wait) { setTimeout(wait, 300); }).then(function () { return post(body, false); });
    });
  }

  function flush() {
    if (inFlight || !buf.length) return Promise.resolve();  // one batch at a time: in order
    var events = buf.splice(0);
    inFlight++;
    return post(JSON.stringify(events), true).then(function (answer) {
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

  // a page may ask for the recorder's other documented options (recordCanvas, recordCrossOriginIframes)
  // by setting window.__rrwebOptions before this script runs
  var options = Object.assign({}, window.__rrwebOptions || {});
  options.emit = function (event) { buf.push(event); };
  rrweb.record(options);
  recorder.started = true;
  setInterval(flush, 1000);
  addEventListener("pagehide", flush);
})();
