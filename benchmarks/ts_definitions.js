// Where TypeScript's language service says each asked position is defined: the
// reference `python -m benchmarks.links --language javascript|typescript` compares our
// links with (not a test; never run by a build). Node with the `typescript` package:
//   npm install --prefix DIR typescript; REPODOCS_TYPESCRIPT=DIR/node_modules/typescript
// Reads JSON {root, files: [path], asks: [[path, line, column]]} (line 1-based, column
// in characters) on stdin; writes [[[path, line, kind], ...], ...], one list per ask,
// the definitions inside root (each overload signature, the body), with TypeScript's
// kind of each ("function", "parameter", ...).
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require(process.env.REPODOCS_TYPESCRIPT || "typescript");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const root = path.resolve(input.root);
const texts = new Map();
for (const file of input.files) {
  texts.set(path.join(root, file), fs.readFileSync(path.join(root, file), "utf8"));
}
const host = {
  getScriptFileNames: () => [...texts.keys()],
  getScriptVersion: () => "1",
  getScriptSnapshot: (name) => {
    const text = texts.has(name) ? texts.get(name) : ts.sys.readFile(name);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  },
  getCurrentDirectory: () => root,
  getCompilationSettings: () => ({
    allowJs: true,
    checkJs: false,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ESNext,
    jsx: ts.JsxEmit.Preserve,
    types: [],
  }),
  getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

// Character columns to UTF-16 offsets, per file.
const lineStarts = new Map();
function offset(file, line, column) {
  let starts = lineStarts.get(file);
  const text = texts.get(file);
  if (starts === undefined) {
    starts = [0];
    for (let at = 0; at < text.length; at++) if (text[at] === "\n") starts.push(at + 1);
    lineStarts.set(file, starts);
  }
  let at = starts[line - 1];
  for (let seen = 0; seen < column; seen++) at += text.codePointAt(at) > 0xffff ? 2 : 1;
  return at;
}

const answers = [];
for (const [file, line, column] of input.asks) {
  const name = path.join(root, file);
  let found = [];
  try {
    const definitions = service.getDefinitionAtPosition(name, offset(name, line, column)) || [];
    for (const definition of definitions) {
      const relative = path.relative(root, definition.fileName);
      if (relative.startsWith("..") || path.isAbsolute(relative) || relative.includes("node_modules")) {
        continue;
      }
      const source = service.getProgram().getSourceFile(definition.fileName);
      const where = source.getLineAndCharacterOfPosition(definition.textSpan.start);
      found.push([relative.split(path.sep).join("/"), where.line + 1, definition.kind]);
    }
  } catch (error) {
    found = null;
  }
  answers.push(found);
}
process.stdout.write(JSON.stringify(answers));
