// node-fetch@2 falls back to whatwg-url only where Node has no URL class; Node always has
// one, and whatwg-url drags 290 KB of Unicode tables (tr46) into the bundle.
module.exports = { URL: globalThis.URL };
