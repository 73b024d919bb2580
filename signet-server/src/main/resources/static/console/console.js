// Signet console: the only script besides htmx. Inserts a placeholder at the cursor of the template source.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-insert]');
  if (!button) { return; }
  event.preventDefault();
  var area = document.getElementById(button.getAttribute('data-target') || 'html');
  var text = button.getAttribute('data-insert');
  var start = area.selectionStart, end = area.selectionEnd;
  area.value = area.value.slice(0, start) + text + area.value.slice(end);
  area.selectionStart = area.selectionEnd = start + text.length;
  area.focus();
  area.dispatchEvent(new Event('input', { bubbles: true }));
});

// The group picker of the rules page: a chosen group fills the row's hidden id and name, and the preview follows.
document.addEventListener('click', function (event) {
  var choice = event.target.closest('button.group-choice');
  if (!choice) { return; }
  event.preventDefault();
  var field = choice.getAttribute('data-field');
  var name = choice.getAttribute('data-group-name');
  document.getElementById(field + '-group').value = choice.getAttribute('data-group-id');
  document.getElementById(field + '-groupName').value = name;
  var picked = document.getElementById(field + '-group-picked');
  picked.textContent = 'Group: ';
  var strong = document.createElement('strong');
  strong.textContent = name;
  picked.appendChild(strong);
  var deleted = document.getElementById(field + '-group-deleted');
  if (deleted) { deleted.remove(); }
  document.getElementById(field + '-group-results').innerHTML = '';
  document.getElementById(field + '-group-search').value = '';
  document.getElementById(field + '-group').dispatchEvent(new Event('change', { bubbles: true }));
});
