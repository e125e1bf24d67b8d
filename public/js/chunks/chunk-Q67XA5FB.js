// src/shared/wording.ts
var GMT = "UTC";
var TIME = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
function clock(iso, timeZone) {
  return new Intl.DateTimeFormat("en-GB", { ...TIME, timeZone }).format(new Date(iso));
}
function longDate(iso, timeZone) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone
  }).formatToParts(new Date(iso));
  const part = (type) => parts.find((each) => each.type === type)?.value ?? "";
  return `${part("weekday")}, ${part("day")} ${part("month")} ${part("year")}`;
}
function lastUpdatedLine(iso) {
  return `Page last updated at ${clock(iso, GMT)} GMT, ${longDate(iso, GMT)}`;
}
function localTime(iso, timeZone) {
  if (!timeZone || clock(iso, timeZone) === clock(iso, GMT) && longDate(iso, timeZone) === longDate(iso, GMT))
    return null;
  return `${clock(iso, timeZone)} ${zoneLabel(iso, timeZone)}`;
}
function zoneLabel(iso, timeZone) {
  if (timeZone === "Europe/London") return "UK";
  const name = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }).formatToParts(new Date(iso)).find((part) => part.type === "timeZoneName");
  return name ? name.value : timeZone;
}
function updateTime(iso, pageIso) {
  const time = `${clock(iso, GMT)} GMT`;
  const day = (value) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: GMT }).format(
    new Date(value)
  );
  if (!pageIso || day(iso) === day(pageIso)) return time;
  return `${time}, ${day(iso)}`;
}
var QUALIFIERS = {
  exact: "",
  "at-least": "at least ",
  "more-than": "more than ",
  about: "about "
};
function figureWords(figure) {
  if (!figure) return null;
  return `${QUALIFIERS[figure.qualifier] ?? ""}${figure.count.toLocaleString("en-GB")}`;
}
function casualtyWords(casualties) {
  if (!casualties) return null;
  const words = [];
  if (casualties.dead) words.push(`${figureWords(casualties.dead)} dead`);
  if (casualties.injured) words.push(`${figureWords(casualties.injured)} injured`);
  return words.length ? words.join(", ") : null;
}
var KINDS = {
  report: "Report",
  breaking: "Breaking",
  quote: "Quote",
  eyewitness: "Eyewitness",
  analysis: "Analysis",
  statement: "Statement",
  background: "Background"
};
function kindLabel(kind) {
  return KINDS[kind] ?? kind;
}
function readersLine(count) {
  return count === 1 ? "1 person reading now" : `${count.toLocaleString("en-GB")} people reading now`;
}

// src/shared/markup-rule.ts
var SAFE_MARKUP = Object.freeze({
  allowedTags: Object.freeze(["p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "blockquote"]),
  allowedAttributes: Object.freeze({ a: Object.freeze(["href"]) }),
  allowedSchemes: Object.freeze(["https"]),
  // Elements dropped together with their text (any other disallowed element is unwrapped, its text kept).
  nonTextTags: Object.freeze(["script", "style", "textarea", "option", "noscript"])
});

// src/shared/update-headline.ts
var HEADLINE_LENGTH = 120;
function firstSentence(text) {
  const flat = String(text ?? "").replace(/\s+/g, " ").trim();
  const end = /[.!?…]["'”’)\]]*(?=\s|$)/u.exec(flat);
  const sentence = end ? flat.slice(0, end.index + end[0].length) : flat;
  const characters = [...sentence];
  if (characters.length <= HEADLINE_LENGTH) return sentence;
  const cut = characters.slice(0, HEADLINE_LENGTH - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > HEADLINE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/u, "")}\u2026`;
}
function updateHeadline(headline, plainText) {
  return headline || firstSentence(plainText);
}

export {
  SAFE_MARKUP,
  updateHeadline,
  lastUpdatedLine,
  localTime,
  updateTime,
  figureWords,
  casualtyWords,
  kindLabel,
  readersLine
};
//# sourceMappingURL=chunk-Q67XA5FB.js.map
