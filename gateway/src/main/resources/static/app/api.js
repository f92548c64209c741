// Calls to the API from the dashboard. The tokens live in HttpOnly cookies the gateway set
// at sign-in (/ui/session); every call sends the X-MDM-UI header, without which the gateway
// refuses a state-changing call made with the cookie. An expired access token is renewed
// once through /ui/session/refresh and the call repeated.

const UI = { 'X-MDM-UI': '1' };

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

let onSignedOut = () => {};

export function whenSignedOut(callback) {
  onSignedOut = callback;
}

async function send(path, method, body) {
  const headers = { ...UI, Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(path, init);
}

async function read(answer) {
  const text = await answer.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  let answer = await send(path, method, body);
  if (answer.status === 401) {
    const renewed = await fetch('/ui/session/refresh', { method: 'POST', headers: UI, credentials: 'same-origin' });
    if (!renewed.ok) {
      onSignedOut();
      throw new ApiError(401, await read(answer));
    }
    answer = await send(path, method, body);
  }
  const content = await read(answer);
  if (!answer.ok) throw new ApiError(answer.status, content);
  return content;
}

/** The same call, or null instead of an error (a part of a page that may be missing). */
export async function maybe(path) {
  try {
    return await api(path);
  } catch (error) {
    if (error.status === 401) throw error;
    return { error };
  }
}

export async function signIn(username, password, otp) {
  const answer = await fetch('/ui/session', {
    method: 'POST', credentials: 'same-origin',
    headers: { ...UI, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(otp ? { username, password, otp } : { username, password }),
  });
  const content = await read(answer);
  if (!answer.ok) throw new ApiError(answer.status, content);
  return content;
}

export async function signOut() {
  await fetch('/ui/session', { method: 'DELETE', headers: UI, credentials: 'same-origin' });
}
