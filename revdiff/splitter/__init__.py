"""The column splitter: recover both versions from flattened News Sniffer diff pages.

A flattened page glues the old and new cells of each row together (FORMATS.md §1). The parts:

* `grammar`: how News Sniffer turns two versions into rows, and a row into a line of text;
* `evidence`: what each row's text says about where its old cell ends (cues, repeats), with
  `features` (scored by the learned weights), `edges` (the words at a boundary) and `shapes`
  (what paragraphs look like), the last two counted from text (`counts`);
* `decoder`: the best reading of one page's rows under the grammar, with `confidence`;
* `neighbours`, `known_column`, `chain`: pages of one article read together;
* `titles`: the title row; `corrections`: a person's fix of one row;
* `page`: the page as `formats.sniffer_text` hands it over.
"""
