// embed-example: the script of the example clinic page (embed-example.html). Puts the player
// in the frame, listens to its messages, checks that each comes from the player's own origin,
// and lists them (as text). The player's address comes from ?app=URL; without it, the player
// beside this page.
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var app = new URL(params.get('app') || './', location.href);
  if (app.protocol !== 'https:' && app.protocol !== 'http:') app = new URL('./', location.href);
  app.searchParams.set('embed', '1');
  var appOrigin = app.origin;

  var frame = document.getElementById('player');
  frame.src = app.href;
  document.getElementById('app-url').textContent = app.href;

  var list = document.getElementById('messages');
  var received = window.steadyHost = { messages: [] };

  window.addEventListener('message', function (event) {
    // Only the player's own origin, and only its kind of message.
    if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== 'steady-back') return;
    received.messages.push(data);
    var item = document.createElement('li');
    var parts = [data.type];
    Object.keys(data).forEach(function (k) {
      if (k !== 'source' && k !== 'type') parts.push(k + ': ' + String(data[k]));
    });
    item.textContent = parts.join(' · ');
    list.appendChild(item);
  });

  document.getElementById('hello').addEventListener('click', function () {
    frame.contentWindow.postMessage({ source: 'steady-back-host', type: 'hello' }, appOrigin);
  });
})();
