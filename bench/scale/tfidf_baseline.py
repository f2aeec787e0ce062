#!/usr/bin/python3
"""The researcher's boilerplate baseline, for bench/scale to time against
parlance's boilerplate command on the same answers.

Reads JSON Lines of {"id", "text"} (plain-text answers) from the file named
as the only argument, splits each answer into sentences, represents each
sentence by TF-IDF over word 1- and 2-grams (scikit-learn's TfidfVectorizer,
L2-normalised rows, so a dot product is the cosine), links every pair of
sentences whose cosine is at least 0.8, and takes the connected components
of that graph as families. A family is a component whose sentences come
from at least two answers. Prints one line of JSON with the counts.

The cosine matrix is computed in blocks of rows (sklearn's
cosine_similarity on a block against all sentences, kept sparse) so the
pairs are found exactly without holding all n^2 of them at once.

Exits with status 3 and a message if scikit-learn is not installed.
"""

import json
import re
import sys

try:
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity
except ImportError as e:  # reported by bench/scale, which skips the baseline
    print(f"scikit-learn baseline: {e} (Debian: apt-get install python3-sklearn)", file=sys.stderr)
    sys.exit(3)

THRESHOLD = 0.8
BLOCK = 1000

# A sentence ends at . ! or ? followed by white space and a capital,
# a digit or an opening quote or bracket; paragraphs (newlines) end one too.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'\u2018\u201c(])|\n+")


def main(path):
    sentences, owner = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            for s in SENTENCE_END.split(rec["text"]):
                s = s.strip()
                if s:
                    sentences.append(s)
                    owner.append(rec["id"])
    x = TfidfVectorizer(ngram_range=(1, 2)).fit_transform(sentences)
    n = x.shape[0]
    rows, cols = [], []
    for a in range(0, n, BLOCK):
        sim = cosine_similarity(x[a:a + BLOCK], x, dense_output=False).tocoo()
        keep = (sim.data >= THRESHOLD) & (sim.row + a < sim.col)
        rows.append(sim.row[keep] + a)
        cols.append(sim.col[keep])
    rows = np.concatenate(rows) if rows else np.array([], dtype=np.int64)
    cols = np.concatenate(cols) if cols else np.array([], dtype=np.int64)
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    ncomp, label = connected_components(graph, directed=False)
    answers = {}
    for i, c in enumerate(label):
        answers.setdefault(c, set()).add(owner[i])
    families = sum(1 for ids in answers.values() if len(ids) >= 2)
    print(json.dumps({"sentences": n, "pairs": int(len(rows)), "components": int(ncomp), "families": families}))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: tfidf_baseline.py ANSWERS.jsonl", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
