// A case step with JavaScript: htmx posts the choice and swaps in the next scene (one
// request). Focus then moves to what the choice did, as a page load would take a screen
// reader user to the top; without feedback (after "Verder") to the new scene's heading.
document.addEventListener("htmx:afterSwap", function (event) {
  if (!event.detail.target || event.detail.target.id !== "play") {
    return;
  }
  var heading = document.getElementById("feedback-heading") || document.getElementById("scene-heading");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
});
