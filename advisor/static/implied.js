// A rated level implies the prerequisites that level needs (Kubernetes at 4: networking at
// 2), and the plan counts them as floors. As the person rates a skill, the skills it implies
// that are asked on the same page rise to their floor, with the sentence that says why under
// them. A level already at or above the floor is left alone, and so is a skill the person has
// answered on this page: the person's own answer stands (the plan still counts the floor, and
// says so). Without this script nothing is lost: the plan counts the floors all the same.
document.addEventListener("DOMContentLoaded", function () {
  document.addEventListener("change", function (event) {
    var radio = event.target;
    var answered = radio.type === "radio" && radio.closest("fieldset.skill");
    if (!answered || !radio.checked) {
      return;
    }
    answered.dataset.answered = "yes";
    var source = radio.closest("fieldset[data-implies]");
    if (!source) {
      return;
    }
    var needs = JSON.parse(source.dataset.implies)[radio.value] || [];
    needs.forEach(function (need) {
      raise(need[0], need[1], need[2]);
    });
  });

  function raise(skill, level, why) {
    var fieldset = document.getElementById("skill-" + skill);
    if (!fieldset || fieldset.dataset.answered) {
      return;
    }
    var checked = fieldset.querySelector("input[type=radio]:checked");
    if (checked && Number(checked.value) >= level) {
      return;
    }
    var option = fieldset.querySelector("input[type=radio][value='" + level + "']");
    if (!option) {
      return;
    }
    option.checked = true;
    var note = document.getElementById(fieldset.id + "-preset");
    if (!note) {
      note = document.createElement("p");
      note.className = "preset";
      note.id = fieldset.id + "-preset";
      fieldset.querySelector(".levels").after(note);
      var described = fieldset.getAttribute("aria-describedby") || "";
      fieldset.setAttribute("aria-describedby", (described + " " + note.id).trim());
    }
    note.setAttribute("aria-live", "polite");
    note.textContent = why;
  }
});
