import {
  SAFE_MARKUP,
  casualtyWords,
  kindLabel,
  lastUpdatedLine,
  localTime,
  updateTime
} from "./chunk-Q67XA5FB.js";

// browser/safe-body.ts
var ALLOWED = new Set(SAFE_MARKUP.allowedTags);
var DROPPED = new Set(SAFE_MARKUP.nonTextTags);
function safeBody(body) {
  const inert = new DOMParser().parseFromString("<!doctype html><body></body>", "text/html");
  inert.body.innerHTML = String(body ?? "");
  const fragment = document.createDocumentFragment();
  copyAllowed(inert.body, fragment);
  return fragment;
}
function copyAllowed(from, to) {
  for (const node of from.childNodes) {
    if (node instanceof Text) to.append(document.createTextNode(node.data));
    if (!(node instanceof Element)) continue;
    const tag = node.localName;
    if (DROPPED.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      copyAllowed(node, to);
      continue;
    }
    const copy = document.createElement(tag);
    const href = node.getAttribute("href");
    if (tag === "a" && allowedUrl(href)) copy.setAttribute("href", href);
    copyAllowed(node, copy);
    to.append(copy);
  }
}
function allowedUrl(url) {
  if (!url) return false;
  try {
    return SAFE_MARKUP.allowedSchemes.includes(new URL(url).protocol.replace(/:$/, ""));
  } catch {
    return false;
  }
}

// browser/article-dom.ts
var field = (root, name) => root.querySelector(`[data-field="${name}"]`);
function setOptional(element, text) {
  element.textContent = text ?? "";
  element.hidden = !text;
}
function setTime(element, iso, pageAt) {
  if (!(element instanceof HTMLTimeElement)) return;
  element.dateTime = iso ?? "";
  element.textContent = iso ? updateTime(iso, pageAt) : "";
}
function updateElement(update, pageAt) {
  const template = document.getElementById("update-template");
  const element = template.content.firstElementChild.cloneNode(true);
  element.id = `update-${update.updateId}`;
  element.dataset.updateId = update.updateId;
  element.dataset.revision = String(update.revision);
  element.className = `update update--${update.kind}`;
  setTime(field(element, "time"), update.at, pageAt);
  field(element, "kind").textContent = kindLabel(update.kind);
  setPermalink(element, update.updateId);
  setHeadline(element, update.headline);
  field(element, "body").replaceChildren(safeBody(update.body));
  for (const name of ["attribution", "byline", "location", "sources"])
    setOptional(field(element, name), update[name]);
  setMedia(element, update.media);
  setCorrection(element, update.corrected, pageAt);
  return element;
}
function setPermalink(element, updateId) {
  const link = element.querySelector('[data-field="permalink"]');
  const story = document.querySelector("[data-article]");
  if (!link || !story) return;
  const id = encodeURIComponent(updateId);
  link.href = `/live/${encodeURIComponent(story.dataset.liveBlogId ?? "")}/updates/${id}#update-${id}`;
}
function setMedia(element, media) {
  const figure = field(element, "media");
  const usable = media && allowedUrl(media.url);
  figure.hidden = !usable;
  if (!usable) return;
  const image = field(element, "media-image");
  image.alt = media.caption ?? "";
  image.src = media.url;
  setOptional(field(element, "media-caption"), media.caption);
  setOptional(field(element, "media-credit"), media.credit);
}
function setCorrection(element, corrected, pageAt) {
  field(element, "correction").hidden = !corrected;
  if (!corrected) return;
  setTime(field(element, "correction-time"), corrected.at, pageAt);
  field(element, "correction-reason").textContent = corrected.reason;
}
function setHeadline(element, headline) {
  setOptional(field(element, "headline"), headline);
}
function correctBody(element, body) {
  field(element, "body").replaceChildren(safeBody(body));
}
function setLastUpdated(story, iso) {
  setTime(field(story, "last-updated"), iso, null);
  field(story, "last-updated").textContent = lastUpdatedLine(iso);
  setOptional(field(story, "local-time"), localTime(iso, story.dataset.timeZone));
}
function setCasualties(story, casualties, pageAt) {
  const box = story.querySelector("[data-casualties]");
  box.hidden = !casualties;
  if (!casualties) return;
  box.dataset.figures = JSON.stringify({ dead: casualties.dead, injured: casualties.injured });
  field(box, "words").textContent = casualtyWords(casualties) ?? "";
  setOptional(field(box, "scope"), casualties.scope);
  field(box, "source").textContent = casualties.source;
  setTime(field(box, "at"), casualties.at, pageAt);
  setOptional(field(box, "note"), casualties.note);
}
function currentFigures(story) {
  const json = story.querySelector("[data-casualties]").dataset.figures;
  return json ? JSON.parse(json) : { dead: null, injured: null };
}
function setPlace(story, { place, status, at }, pageAt) {
  const list = story.querySelector("[data-places-list]");
  let item = [...list.children].find((each) => each.dataset.place === place);
  if (!item) {
    item = document.createElement("li");
    item.dataset.place = place;
    const name = document.createElement("h3");
    name.className = "places__name";
    name.dataset.field = "place";
    name.textContent = place;
    const text = document.createElement("p");
    text.className = "places__status";
    text.dataset.field = "status";
    const time = document.createElement("p");
    time.className = "places__time";
    time.append("Updated ", Object.assign(document.createElement("time"), { className: "places__at" }));
    time.lastChild.dataset.field = "at";
    item.append(name, text, time);
    list.append(item);
  }
  field(item, "status").textContent = status;
  setTime(field(item, "at"), at, pageAt);
  story.querySelector("[data-places]").hidden = false;
}
function addTimelineEntry(story, { entryId, period, text }) {
  const item = document.createElement("li");
  item.dataset.entryId = entryId;
  const periodElement = document.createElement("span");
  periodElement.className = "timeline__period";
  periodElement.dataset.field = "period";
  periodElement.textContent = period;
  const textElement = document.createElement("span");
  textElement.className = "timeline__text";
  textElement.dataset.field = "text";
  textElement.textContent = text;
  item.append(periodElement, " ", textElement);
  story.querySelector("[data-timeline-list]").append(item);
  story.querySelector("[data-timeline]").hidden = false;
}
function setKeyPoints(story, pinned) {
  const list = story.querySelector("[data-key-points-list]");
  list.replaceChildren(...pinned.map(keyPoint));
  story.querySelector("[data-key-points]").hidden = pinned.length === 0;
}
function keyPoint(update) {
  const item = document.createElement("li");
  item.dataset.updateId = update.updateId;
  const body = document.createElement("div");
  body.className = "key-points__body";
  body.append(safeBody(update.body));
  item.append(body);
  return item;
}
function setStatus(story, status) {
  story.dataset.status = status;
  story.querySelector("[data-live-badge]").hidden = status !== "live";
  story.querySelector("[data-ended-badge]").hidden = status === "live";
  story.querySelector("[data-closed]").hidden = status === "live";
}

// src/live-blog/realtime/live-events.ts
var LIVE_NAMESPACE = "/live";

// packages/client/src/wire.ts
function typedEvent(event) {
  return event;
}

export {
  LIVE_NAMESPACE,
  typedEvent,
  field,
  updateElement,
  setCorrection,
  setHeadline,
  correctBody,
  setLastUpdated,
  setCasualties,
  currentFigures,
  setPlace,
  addTimelineEntry,
  setKeyPoints,
  keyPoint,
  setStatus
};
//# sourceMappingURL=chunk-N43HX2OJ.js.map
