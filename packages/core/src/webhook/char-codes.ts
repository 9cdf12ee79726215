// Reads the characters of strings that came from outside (a header, a delivery id), in loops that
// run on every call. Such strings reach the same line in several internal forms (flat, sliced,
// concatenated, internalised). Past a few, V8's optimised code stops resolving `text.charCodeAt`
// ahead of time: it looks the method up on the string again for every character. Under callgrind
// that was about 13,000 of the 150,000 instructions of a receiver's call.
// `String.prototype.charCodeAt` is a constant whatever the form, so the call through it is inlined.

/** `text.charCodeAt(index)`. */
export const codeAt = (text: string, index: number): number => String.prototype.charCodeAt.call(text, index);

/** `text.indexOf(search)`. */
export const indexIn = (text: string, search: string): number => String.prototype.indexOf.call(text, search);
