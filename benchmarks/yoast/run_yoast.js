// Runs Yoast SEO's assessments (npm yoastseo 3.6.0) on the articles listed in selection.json,
// read from the corpus (../../../shared/corpus by default, or $SEOLINT_CORPUS), and writes
// yoast-results.json: per article, each assessment's score and the numbers behind it.
//
//   npm ci && node run_yoast.js        (then: python compare.py)
"use strict";
const fs = require("fs");
const path = require("path");
const MarkdownIt = require("markdown-it");
const { Paper, assessments } = require("yoastseo");
const buildTree = require("yoastseo/build/parse/build/build").default;
const LanguageProcessor = require("yoastseo/build/parse/language/LanguageProcessor").default;
const RESEARCHERS = {
  en: require("yoastseo/build/languageProcessing/languages/en/Researcher").default,
  fr: require("yoastseo/build/languageProcessing/languages/fr/Researcher").default,
};
const { includesConsecutiveWords } = require("yoastseo/build/scoring/assessments/inclusiveLanguage/helpers/includesConsecutiveWords");
const TRANSITIONS = {
  en: [require("yoastseo/build/languageProcessing/languages/en/config/transitionWords").default,
    require("yoastseo/build/languageProcessing/languages/en/config/twoPartTransitionWords").default],
  fr: [require("yoastseo/build/languageProcessing/languages/fr/config/transitionWords").default,
    require("yoastseo/build/languageProcessing/languages/fr/config/twoPartTransitionWords").default],
};
const LOCALES = { en: "en_US", fr: "fr_FR" };
const HERE = __dirname;
const CORPUS = process.env.SEOLINT_CORPUS || path.resolve(HERE, "../../../shared/corpus");
// As the sites render it: definition lists (Hugo, Jekyll's kramdown, MkDocs' def_list), and a
// line break inside a paragraph is a space (a browser shows it so, and WordPress, where Yoast
// runs, keeps no newline inside a paragraph: Yoast's passive-voice research splits on them).
const markdown = new MarkdownIt({ html: true }).use(require("markdown-it-deflist"));
markdown.renderer.rules.softbreak = () => " ";

const ASSESSMENTS = {
  sentenceBeginnings: assessments.readability.SentenceBeginningsAssessment,
  transitionWords: assessments.readability.TransitionWordsAssessment,
  passiveVoice: assessments.readability.PassiveVoiceAssessment,
  imageKeyphrase: assessments.seo.ImageKeyphraseAssessment,
  textCompetingLinks: assessments.seo.TextCompetingLinksAssessment,
};

/** The body without its front matter, MDX imports/exports, or Liquid/Hugo template tags. */
function body(text, mdx) {
  text = text.replace(/^\uFEFF/, "");
  const fence = text.match(/^(---|\+\+\+)[^\n]*\n[\s\S]*?\n\1[ \t]*(\n|$)/);
  if (fence) text = text.slice(fence[0].length);
  text = text.replace(/^(import|export) .*$/gm, "");
  // Hugo's code shortcodes render code, which Yoast does not read: drop them with their content.
  text = text.replace(/\{\{[<%]\s*(code-toggle|highlight)\b[\s\S]*?\{\{[<%]\s*\/\s*\1\s*[>%]\}\}/g, "");
  text = text.replace(/\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, "");
  return mdx ? components(text) : text;
}

const TAG_LINE = /^(\s*)<(\/?)[A-Z][\w.]*(\s[^>]*)?(\/?)>\s*$/;

/** MDX as the site renders it: a line that is only a component's tag (`<Tabs>`,
 * `</Fragment>`) becomes the component's HTML, not text (it is dropped), and the Markdown
 * inside a component is dedented to the column of its innermost tag, so that a code fence
 * indented inside `<PackageManagerTabs>` is a code block, not text of an HTML block, while
 * a component inside a list item stays in the list. */
function components(text) {
  const out = [];
  const open = []; // the columns of the open components' tags
  let part = [];
  const flush = () => {
    const indents = part.filter((line) => line.trim()).map((line) => line.match(/^ */)[0].length);
    const cut = open.length && indents.length ? Math.max(0, Math.min(...indents) - open[open.length - 1]) : 0;
    out.push(...part.map((line) => line.slice(Math.min(cut, line.match(/^ */)[0].length))));
    part = [];
  };
  let inFence = false;
  for (const line of text.split("\n")) {
    const tag = inFence ? null : line.match(TAG_LINE);
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!tag) {
      part.push(line);
      continue;
    }
    flush();
    out.push("");
    if (tag[2]) open.pop();
    else if (!tag[4]) open.push(tag[1].length);
  }
  flush();
  return out.join("\n");
}

/** Whether a sentence holds a transition word when a two-part one ("either … or",
 * « soit … soit ») counts only with its first part before its second, as two words: Yoast
 * counts the parts in any order, and one « soit » (the verb: « que ça soit ») as both. */
function inOrder(sentence, words, pairs) {
  const tokens = sentence.tokens.filter((token) => token.text !== " ").map((token) => token.text.toLocaleLowerCase());
  const at = (phrase) => includesConsecutiveWords(tokens, phrase.toLocaleLowerCase().split(" "));
  if (words.some((word) => at(word).length)) return true;
  return pairs.some(([first, second]) => {
    const starts = at(first);
    const size = first.split(" ").length;
    return starts.length && at(second).some((index) => index >= starts[0] + size);
  });
}

function analyse(item) {
  const source = fs.readFileSync(path.join(CORPUS, item.path), "utf8");
  const html = markdown.render(body(source, item.path.endsWith(".mdx")));
  const paper = new Paper(html, { keyword: item.keyphrase || "", locale: LOCALES[item.lang] });
  const researcher = new RESEARCHERS[item.lang](paper);
  paper.setTree(buildTree(paper, new LanguageProcessor(researcher)));
  const result = { path: item.path, lang: item.lang, keyphrase: item.keyphrase };
  for (const [name, Assessment] of Object.entries(ASSESSMENTS)) {
    try {
      const assessment = new Assessment();
      const applicable = assessment.isApplicable ? assessment.isApplicable(paper, researcher) : true;
      const outcome = applicable ? assessment.getResult(paper, researcher) : null;
      result[name] = outcome ? { score: outcome.getScore(), text: outcome.getText().replace(/<[^>]+>/g, "") } : null;
    } catch (error) {
      result[name] = { error: String(error) };
    }
  }
  const transitions = researcher.getResearch("findTransitionWords");
  result.transitionShare = transitions.totalSentences ? 100 * transitions.transitionWordSentences / transitions.totalSentences : 0;
  const ordered = transitions.sentenceResults.filter(({ sentence }) => inOrder(sentence, ...TRANSITIONS[item.lang])).length;
  result.transitionShareInOrder = transitions.totalSentences ? 100 * ordered / transitions.totalSentences : 0;
  result.textLength = transitions.textLength;
  const passive = researcher.getResearch("getPassiveVoiceResult");
  result.passiveShare = passive.total ? 100 * passive.passives.length / passive.total : 0;
  result.images = researcher.getResearch("imageCount");
  return result;
}

const selection = JSON.parse(fs.readFileSync(path.join(HERE, "selection.json"), "utf8"));
const results = selection.map(analyse);
fs.writeFileSync(path.join(HERE, "yoast-results.json"), JSON.stringify(results, null, 1) + "\n");
console.log(`yoastseo: ${results.length} articles -> yoast-results.json`);
