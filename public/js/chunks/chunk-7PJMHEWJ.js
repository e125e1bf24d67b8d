// browser/console-drafts.ts
var PREFIX = "dateline:draft:";
var Drafts = class {
  constructor(liveBlogId) {
    this.prefix = `${PREFIX}${liveBlogId}:`;
  }
  /** Restores the form's saved fields and saves each as it changes; `revision()` is what the editor sees now. */
  bind(form, revision) {
    for (const element of fields(form)) {
      const saved = this.get(element.dataset.draft);
      if (saved !== null) element.value = saved;
      const save = () => {
        if (this.baseRevision(form) === null) this.setBase(form, revision());
        this.set(element.dataset.draft, element.value);
      };
      element.addEventListener("input", save);
      element.addEventListener("change", save);
    }
  }
  /** True when any field of the form holds unsent text. */
  has(form) {
    return fields(form).some((element) => this.get(element.dataset.draft) !== null);
  }
  /** The revision the editor saw when they began this form's draft, or null when nothing is pending. */
  baseRevision(form) {
    const value = localStorage.getItem(this.baseKey(form));
    return value === null ? null : Number(value);
  }
  setBase(form, revision) {
    localStorage.setItem(this.baseKey(form), String(revision));
  }
  /** Forgets the form's drafts (after the server took the change, or the editor discarded it). */
  clear(form) {
    for (const element of fields(form)) localStorage.removeItem(this.prefix + element.dataset.draft);
    localStorage.removeItem(this.baseKey(form));
  }
  /** Draft names saved for this story that start with `start` (e.g. the open correction forms). */
  names(start) {
    const names = [];
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index);
      if (key?.startsWith(this.prefix + start)) names.push(key.slice(this.prefix.length));
    }
    return names;
  }
  get(name) {
    return localStorage.getItem(this.prefix + name);
  }
  set(name, value) {
    try {
      localStorage.setItem(this.prefix + name, value);
    } catch {
    }
  }
  baseKey(form) {
    return `${this.prefix}${form.dataset.draftForm}#base`;
  }
};
function fields(form) {
  return [...form.querySelectorAll("[data-draft]")];
}

// browser/console-forms.ts
function formBody(form) {
  const body = {};
  for (const element of form.elements) {
    if (element instanceof HTMLButtonElement) continue;
    if (!element.name || element.type === "submit" || element.type === "button") continue;
    const value = element.value.trim();
    if (value === "") continue;
    const path = element.name.split(".");
    let target = body;
    for (const key of path.slice(0, -1)) target = target[key] ??= {};
    target[path.at(-1)] = element.type === "number" ? Number(value) : value;
  }
  return body;
}
function showFieldErrors(form, details) {
  const problems = details?.fields ?? (details?.field ? [{ field: details.field, problems: [] }] : []);
  const unplaced = [];
  for (const { field, problems: messages } of problems) {
    const element = form.elements.namedItem(field);
    if (!element || element instanceof RadioNodeList) {
      unplaced.push(...messages);
      continue;
    }
    markInvalid(element, messages.join("; ") || "Check this field.");
  }
  form.querySelector('[aria-invalid="true"]')?.focus();
  return unplaced;
}
function markInvalid(element, message) {
  const error = document.createElement("p");
  error.className = "field__error";
  error.id = `${element.id}-error`;
  error.textContent = message;
  element.setAttribute("aria-invalid", "true");
  element.setAttribute(
    "aria-describedby",
    [element.getAttribute("aria-describedby"), error.id].filter(Boolean).join(" ")
  );
  element.after(error);
}
function clearFieldErrors(form) {
  for (const error of form.querySelectorAll(".field__error")) {
    const element = form.querySelector(`[aria-describedby~="${CSS.escape(error.id)}"]`);
    if (element) {
      element.removeAttribute("aria-invalid");
      const rest = element.getAttribute("aria-describedby").split(" ").filter((id) => id !== error.id);
      if (rest.length) element.setAttribute("aria-describedby", rest.join(" "));
      else element.removeAttribute("aria-describedby");
    }
    error.remove();
  }
}
function setStatus(form, kind, text) {
  const status = form.querySelector(":scope > [data-form-status]");
  status.replaceChildren();
  status.className = `form__status form__status--${kind}`;
  if (!text) return status;
  const line = document.createElement("p");
  line.textContent = text;
  line.setAttribute("role", kind === "error" ? "alert" : "status");
  status.append(line);
  return status;
}
function submitOnCtrlEnter(form) {
  form.addEventListener("keydown", (key) => {
    if (key.key !== "Enter" || !(key.ctrlKey || key.metaKey)) return;
    key.preventDefault();
    form.requestSubmit();
  });
}

// browser/console-auth.ts
var root = () => document.querySelector("[data-editor-id]");
function authHeaders() {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
  return csrf ? { "X-CSRF-Token": csrf } : {};
}
function currentEditor() {
  const element = root();
  return element ? { id: element.dataset.editorId ?? "", name: element.dataset.editorName ?? "" } : null;
}
function signInAgain() {
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/signin?next=${encodeURIComponent(here)}`);
}

// browser/console-api.ts
async function write(method, path, body, { ifMatch, idempotencyKey } = {}) {
  const headers = {
    "Content-Type": "application/json",
    Accept: "application/json",
    ...authHeaders()
  };
  if (ifMatch !== void 0) headers["If-Match"] = `"${ifMatch}"`;
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, { method, headers, body: JSON.stringify(body ?? {}), credentials: "same-origin" });
  } catch {
    return { ok: false, status: 0, body: null };
  }
  const answer = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body: answer, revision: answer?.revision };
}
async function read(path) {
  try {
    const response = await fetch(path, {
      headers: { Accept: "application/json", ...authHeaders() },
      credentials: "same-origin"
    });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}
function failureMessage(result) {
  if (result.status === 0)
    return "Not sent: the connection dropped. Your text is kept here; send it again when you are back online.";
  if (result.status === 401)
    return "Not sent: your session has ended. Your text is kept on this device; sign in again to send it.";
  if (result.status === 403)
    return `Not sent: ${result.body?.message ?? "your account may not edit stories"}. Your text is kept.`;
  if (result.status === 429) return "Not sent: too many requests. Wait a moment and send again; your text is kept.";
  const message = result.body?.message;
  return message ? `Not sent: ${message}` : `Not sent (HTTP ${result.status}). Your text is kept.`;
}

export {
  Drafts,
  formBody,
  showFieldErrors,
  clearFieldErrors,
  setStatus,
  submitOnCtrlEnter,
  currentEditor,
  signInAgain,
  write,
  read,
  failureMessage
};
//# sourceMappingURL=chunk-7PJMHEWJ.js.map
