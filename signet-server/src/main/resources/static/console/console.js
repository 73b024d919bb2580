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
