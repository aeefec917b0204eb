// The error summary takes the focus when a form comes back with errors, so that a screen
// reader announces it and a keyboard user starts there; its links move the focus to the
// control to fix (a fragment link alone only scrolls). A question the form asks back (a
// current role it did not recognise) takes the focus the same way.
document.addEventListener("DOMContentLoaded", function () {
  var summary =
    document.querySelector(".error-summary") || document.querySelector(".question-summary");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var control = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!control) {
      return;
    }
    event.preventDefault();
    var details = control.closest("details");
    if (details) {
      details.open = true;
    }
    control.focus();
    control.scrollIntoView({ block: "center" });
  });
});
