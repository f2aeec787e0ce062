package text

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"hash/maphash"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// Tagger gives Penn Treebank part-of-speech tags with prose's trained
// averaged-perceptron model (Collins 2002; the feature set of Honnibal's
// 2013 tagger), read from the model files prose ships.
//
// It is prose's tagger made deterministic and cheap to call. prose scores
// the classes in a map and takes the first maximum in map order, so where
// two tags score exactly the same its choice changes from run to run (a
// question tagged 200 times gave "hold" as a noun 110 times and as a verb
// 90 times), and a report would not be byte-identical from one run to the
// next. Here ties go to the tag first in the model's class list. prose
// also builds a map of feature strings for every word; here the weights
// sit in flat arrays and each feature is one lookup. Wherever prose's
// scores have a single maximum the tags are the same as prose's
// (TestTaggerAgreesWithProse).
//
// The prediction for word i of a sentence w₁…wₙ is
//
//	argmax_c Σ_f x_f(i) · W[f][c]
//
// over the classes c the weights of the firing features mention, where the
// features f are the word's suffix and first letter, the tags already
// given to the two words before it, and the (normalised) words two either
// side. Words the model knows to be unambiguous take their tag from its
// tag dictionary, as in prose.
//
// A Tagger is safe for concurrent use; build it once (NewTagger reads about
// 5 MB of weights).
type Tagger struct {
	classes []string
	// tagDict maps a word to its unambiguous tag.
	tagDict map[string]string
	// feature[k] maps the value of feature template k (templates) to the
	// feature's index; the weights of feature f are
	// classOf[start[f]:start[f+1]] with weight[…] alongside. A map per
	// template, keyed by the bare value, spares building each feature's
	// string for the lookup.
	feature [len(templates)]map[string]int32
	start   []int32
	classOf []uint8
	weight  []float64

	// What index builds for tag: see there.
	tagNames   []string
	tagIndex   map[string]int32
	bias       int32
	tag1, tag2 []int32
	tag1Tag2   []int32
	tag1Word   map[string][]tagFeature
	edges      [4]contextFeatures
	seed       maphash.Seed
	words      [wordCacheShards]struct {
		sync.Mutex
		m map[string]*wordFeatures
	}
}

var (
	defaultTaggerOnce sync.Once
	defaultTagger     *Tagger
	defaultTaggerErr  error
)

// DefaultTagger returns the process's Tagger, built on first use.
func DefaultTagger() (*Tagger, error) {
	defaultTaggerOnce.Do(func() { defaultTagger, defaultTaggerErr = NewTagger() })
	return defaultTagger, defaultTaggerErr
}

// NewTagger reads prose's averaged-perceptron model.
func NewTagger() (*Tagger, error) {
	var (
		weights map[string]map[string]float64
		tags    map[string]string
		classes []string
	)
	for _, a := range []struct {
		name string
		into any
	}{{"classes.gob", &classes}, {"tags.gob", &tags}, {"weights.gob", &weights}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name)
		if err != nil {
			return nil, fmt.Errorf("text: prose's tagger model: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.into); err != nil {
			return nil, fmt.Errorf("text: prose's tagger model %s: %w", a.name, err)
		}
	}
	if len(classes) == 0 || len(classes) > 256 {
		return nil, fmt.Errorf("text: prose's tagger model has %d classes", len(classes))
	}
	classIndex := make(map[string]uint8, len(classes))
	for i, c := range classes {
		classIndex[c] = uint8(i)
	}
	t := &Tagger{classes: classes, tagDict: tags}
	for k := range t.feature {
		t.feature[k] = map[string]int32{}
	}
	// Features in sorted order, classes in class order, so the arrays are
	// the same on every run.
	names := make([]string, 0, len(weights))
	for f := range weights {
		names = append(names, f)
	}
	slices.Sort(names)
	for _, f := range names {
		k, value, ok := splitFeature(f)
		if !ok {
			return nil, fmt.Errorf("text: prose's tagger model: feature %q of no known template", f)
		}
		t.feature[k][value] = int32(len(t.start))
		t.start = append(t.start, int32(len(t.classOf)))
		for i, c := range classes {
			if w, ok := weights[f][c]; ok {
				t.classOf = append(t.classOf, uint8(i))
				t.weight = append(t.weight, w)
			}
		}
		for c := range weights[f] {
			if _, ok := classIndex[c]; !ok {
				return nil, fmt.Errorf("text: prose's tagger model: feature %q weighs unknown class %q", f, c)
			}
		}
	}
	t.start = append(t.start, int32(len(t.classOf)))
	t.index()
	return t, nil
}

// The model's feature templates: a feature is a template's name, a space
// and the value ("i suffix ing", "i-1 tag+i word DT report"); bias has no
// value.
const (
	fBias = iota
	fSuffix
	fPref1
	fTag1
	fTag2
	fTag1Tag2
	fWord
	fTag1Word
	fWord1
	fSuffix1
	fWord2
	fWordNext
	fSuffixNext
	fWordNext2
)

var templates = [...]string{
	fBias: "bias", fSuffix: "i suffix", fPref1: "i pref1", fTag1: "i-1 tag", fTag2: "i-2 tag",
	fTag1Tag2: "i tag+i-2 tag", fWord: "i word", fTag1Word: "i-1 tag+i word", fWord1: "i-1 word",
	fSuffix1: "i-1 suffix", fWord2: "i-2 word", fWordNext: "i+1 word", fSuffixNext: "i+1 suffix",
	fWordNext2: "i+2 word",
}

// splitFeature returns the template of feature f and its value; the
// longest template name that f starts with (and a space) decides, since
// "i-1 tag" begins "i-1 tag+i word".
func splitFeature(f string) (int, string, bool) {
	if f == templates[fBias] {
		return fBias, "", true
	}
	best, value := -1, ""
	for k, name := range templates {
		if k != fBias && strings.HasPrefix(f, name+" ") && (best < 0 || len(name) > len(templates[best])) {
			best, value = k, f[len(name)+1:]
		}
	}
	return best, value, best >= 0
}

// noneTag and keepTag are the word shapes prose's tagger tags without its
// model: the Penn Treebank's empty elements ("*", "*T*-1", "0") and tags
// written as words ("-LRB-").
var (
	noneTag = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepTag = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// fixedTag returns the tag word w takes whatever its context, as prose's
// tagger gives it, and whether there is one.
func (t *Tagger) fixedTag(w string) (string, bool) {
	switch {
	case w == "-":
		return "-", true
	case strings.HasPrefix(w, "@") || commonregex.LinkRegex.MatchString(w) || commonregex.EmailRegex.MatchString(w):
		return "NN", true
	case noneTag.MatchString(w):
		return "-NONE-", true
	case keepTag.MatchString(w):
		return w, true
	}
	tag, ok := t.tagDict[w]
	return tag, ok
}

// Tag returns the tag of each word of one sentence, in order.
func (t *Tagger) Tag(words []string) []string { return t.tag(words, nil) }

// AppendTags appends the tag of each word of one sentence to dst, in
// order, and returns the extended slice: Tag for a caller that tags many
// sentences into one reused slice.
func (t *Tagger) AppendTags(dst, words []string) []string {
	return t.appendTags(dst, words, nil)
}

// tagScratch is what tag needs for one sentence besides its result, kept
// for reuse: a question's parts are tagged by the million.
type tagScratch struct {
	infos []*wordFeatures
	ctx   []*contextFeatures
}

var tagScratchPool = sync.Pool{New: func() any { return new(tagScratch) }}

// tag is Tag; where margin is not nil, margin[i] is set to the score of
// word i's tag less the next best score (+Inf for a fixed tag or a single
// class).
//
// The features are those of tagSlow, added in the same order (so every
// score is the same sum of the same weights, bit for bit); what depends
// on a word alone is read once per distinct word (wordFeatures), and what
// depends on the tags before it from tables indexed by tag.
func (t *Tagger) tag(words []string, margin []float64) []string {
	return t.appendTags(make([]string, 0, len(words)), words, margin)
}

// appendTags is tag appending to dst.
func (t *Tagger) appendTags(dst, words []string, margin []float64) []string {
	n0 := len(dst)
	dst = slices.Grow(dst, len(words))[:n0+len(words)]
	tags := dst[n0:]
	sc := tagScratchPool.Get().(*tagScratch)
	defer tagScratchPool.Put(sc)
	infos := slices.Grow(sc.infos[:0], len(words))[:len(words)]
	for i, w := range words {
		infos[i] = t.wordFeatures(w)
	}
	ctx := slices.Grow(sc.ctx[:0], len(words)+4)[:len(words)+4]
	// The scratch keeps no word's features alive past the sentence.
	defer func() { clear(infos); clear(ctx); sc.infos, sc.ctx = infos[:0], ctx[:0] }()
	ctx[0], ctx[1] = &t.edges[0], &t.edges[1]
	for i := range words {
		ctx[i+2] = &infos[i].context
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = &t.edges[2], &t.edges[3]
	p1, p2 := "-START-", "-START2-"
	i1, i2 := t.tagIndex[p1], t.tagIndex[p2]
	var (
		scores  [256]float64
		present [256]bool
	)
	nt := int32(len(t.tagNames))
	for i, w := range words {
		wf := infos[i]
		tag, ok, ti := wf.fixed, wf.hasFixed, wf.fixedIndex
		if margin != nil {
			margin[i] = math.Inf(1)
		}
		if !ok && w != "" {
			touched := present[:len(t.classes)]
			clear(touched)
			add := func(f int32) {
				if f < 0 {
					return
				}
				for j := t.start[f]; j < t.start[f+1]; j++ {
					c := t.classOf[j]
					if !present[c] {
						present[c], scores[c] = true, 0
					}
					scores[c] += t.weight[j]
				}
			}
			c := i + 2
			add(t.bias)
			add(wf.suffix)
			add(wf.pref1)
			if i1 >= 0 {
				add(t.tag1[i1])
			} else {
				add(t.lookup(fTag1, p1))
			}
			if i2 >= 0 {
				add(t.tag2[i2])
			} else {
				add(t.lookup(fTag2, p2))
			}
			if i1 >= 0 && i2 >= 0 {
				add(t.tag1Tag2[i1*nt+i2])
			} else {
				add(t.lookup(fTag1Tag2, p1+" "+p2))
			}
			add(ctx[c].word)
			if i1 >= 0 {
				add(ctx[c].afterTag(i1))
			} else {
				add(t.lookup(fTag1Word, p1+" "+ctx[c].norm))
			}
			add(ctx[c-1].word1)
			add(ctx[c-1].suffix1)
			add(ctx[c-2].word2)
			add(ctx[c+1].wordNext)
			add(ctx[c+1].suffixNext)
			add(ctx[c+2].wordNext2)
			best := -1
			for k := range t.classes {
				if present[k] && (best < 0 || scores[k] > scores[best]) {
					best = k
				}
			}
			tag, ti = "", -1
			if best >= 0 {
				tag, ti = t.classes[best], int32(best)
			}
			if margin != nil {
				for k := range t.classes {
					if present[k] && k != best {
						margin[i] = min(margin[i], scores[best]-scores[k])
					}
				}
			}
		} else if !ok {
			ti = t.indexOf(tag)
		}
		tags[i] = tag
		p2, p1 = p1, tag
		i2, i1 = i1, ti
	}
	return dst
}

// lookup returns the index of the feature of template k with the value,
// or -1.
func (t *Tagger) lookup(k int, value string) int32 {
	if f, ok := t.feature[k][value]; ok {
		return f
	}
	return -1
}

// indexOf returns tag's index in tagNames, or -1.
func (t *Tagger) indexOf(tag string) int32 {
	if i, ok := t.tagIndex[tag]; ok {
		return i
	}
	return -1
}

// wordFeatures is what the tagger reads in one word alone: its fixed tag,
// if it has one, the features of the word in the place being tagged, and
// (context) those of the word as a neighbour. Feature indices are -1
// where the model has no such feature.
type wordFeatures struct {
	fixed      string
	hasFixed   bool
	fixedIndex int32 // the fixed tag's index in tagNames, or -1
	// suffix and pref1 are the word's "i suffix" and "i pref1" features.
	suffix, pref1 int32
	context       contextFeatures
}

// contextFeatures are the features of a word's normalised form (norm) in
// each place around the word being tagged.
type contextFeatures struct {
	norm                                                         string
	word, word1, suffix1, word2, wordNext, suffixNext, wordNext2 int32
	// tag1Word lists the "i-1 tag+i word" features of norm, by the index
	// of the previous word's tag.
	tag1Word []tagFeature
}

type tagFeature struct{ tag, feature int32 }

// afterTag returns the "i-1 tag+i word" feature of the word after a word
// tagged tagNames[tag], or -1.
func (c *contextFeatures) afterTag(tag int32) int32 {
	for _, tf := range c.tag1Word {
		if tf.tag == tag {
			return tf.feature
		}
	}
	return -1
}

// contextOf returns the contextFeatures of normalised word n.
func (t *Tagger) contextOf(n string) contextFeatures {
	s3 := suffix3(n)
	return contextFeatures{
		norm: n, word: t.lookup(fWord, n), word1: t.lookup(fWord1, n),
		suffix1: t.lookup(fSuffix1, s3), word2: t.lookup(fWord2, n),
		wordNext: t.lookup(fWordNext, n), suffixNext: t.lookup(fSuffixNext, s3),
		wordNext2: t.lookup(fWordNext2, n), tag1Word: t.tag1Word[n],
	}
}

// wordCacheShards and wordCacheShardSize bound the memory of a Tagger's
// word cache: a full shard starts again empty, and what is forgotten is
// only read again.
const (
	wordCacheShards    = 16
	wordCacheShardSize = 1 << 13
)

// wordFeatures returns the wordFeatures of w, read once per distinct word
// while it stays in the cache.
func (t *Tagger) wordFeatures(w string) *wordFeatures {
	sh := &t.words[maphash.String(t.seed, w)%wordCacheShards]
	sh.Lock()
	wf, ok := sh.m[w]
	sh.Unlock()
	if ok {
		return wf
	}
	wf = &wordFeatures{suffix: -1, pref1: -1, fixedIndex: -1}
	wf.fixed, wf.hasFixed = t.fixedTag(w)
	if wf.hasFixed {
		wf.fixedIndex = t.indexOf(wf.fixed)
	} else if w != "" {
		wf.suffix = t.lookup(fSuffix, suffix3(w))
		wf.pref1 = t.lookup(fPref1, string(rune(w[0])))
	}
	wf.context = t.contextOf(normalizeForTagger(w))
	w = strings.Clone(w) // not the whole text the word is cut from
	sh.Lock()
	if sh.m == nil || len(sh.m) >= wordCacheShardSize {
		sh.m = make(map[string]*wordFeatures)
	}
	sh.m[w] = wf
	sh.Unlock()
	return wf
}

// index builds what tag reads the tag-dependent features from: the tags'
// indices (the classes, the start markers and every tag the model's
// features name), the "i-1 tag", "i-2 tag" and "i tag+i-2 tag" features
// by tag index, the "i-1 tag+i word" features by word, and the contexts
// of the sentence's edges.
func (t *Tagger) index() {
	t.tagIndex = map[string]int32{}
	addTag := func(tag string) {
		if _, ok := t.tagIndex[tag]; !ok && !strings.Contains(tag, " ") {
			t.tagIndex[tag] = int32(len(t.tagNames))
			t.tagNames = append(t.tagNames, tag)
		}
	}
	for _, c := range t.classes {
		addTag(c)
	}
	addTag("-START-")
	addTag("-START2-")
	nt := len(t.tagNames)
	t.bias = t.lookup(fBias, "")
	t.tag1 = make([]int32, nt)
	t.tag2 = make([]int32, nt)
	t.tag1Tag2 = make([]int32, nt*nt)
	for i, a := range t.tagNames {
		t.tag1[i] = t.lookup(fTag1, a)
		t.tag2[i] = t.lookup(fTag2, a)
		for j, b := range t.tagNames {
			t.tag1Tag2[i*nt+j] = t.lookup(fTag1Tag2, a+" "+b)
		}
	}
	// A feature value is the tag, a space and the word; tags hold no
	// space, so the first space splits it. A tag not indexed is looked up
	// by its string (tag's slow path) and needs no entry here.
	t.tag1Word = map[string][]tagFeature{}
	for value, f := range t.feature[fTag1Word] {
		tag, word, ok := strings.Cut(value, " ")
		if i, known := t.tagIndex[tag]; ok && known {
			t.tag1Word[word] = append(t.tag1Word[word], tagFeature{i, f})
		}
	}
	for i, e := range []string{"-START-", "-START2-", "-END-", "-END2-"} {
		t.edges[i] = t.contextOf(e)
	}
	t.seed = maphash.MakeSeed()
}

// tagSlow is tag as first written, feature by feature from the model's
// maps: the reference tag is tested against (TestTagMatchesTagSlow).
func (t *Tagger) tagSlow(words []string, margin []float64) []string {
	tags := make([]string, len(words))
	ctx := make([]string, len(words)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, w := range words {
		ctx[i+2] = normalizeForTagger(w)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	p1, p2 := "-START-", "-START2-"
	var (
		scores  [256]float64
		present [256]bool
	)
	for i, w := range words {
		tag, ok := t.fixedTag(w)
		if margin != nil {
			margin[i] = math.Inf(1)
		}
		if !ok && w != "" {
			touched := present[:len(t.classes)]
			clear(touched)
			add := func(k int, value string) {
				f, ok := t.feature[k][value]
				if !ok {
					return
				}
				for j := t.start[f]; j < t.start[f+1]; j++ {
					c := t.classOf[j]
					if !present[c] {
						present[c], scores[c] = true, 0
					}
					scores[c] += t.weight[j]
				}
			}
			c := i + 2
			add(fBias, "")
			add(fSuffix, suffix3(w))
			add(fPref1, string(rune(w[0])))
			add(fTag1, p1)
			add(fTag2, p2)
			add(fTag1Tag2, p1+" "+p2)
			add(fWord, ctx[c])
			add(fTag1Word, p1+" "+ctx[c])
			add(fWord1, ctx[c-1])
			add(fSuffix1, suffix3(ctx[c-1]))
			add(fWord2, ctx[c-2])
			add(fWordNext, ctx[c+1])
			add(fSuffixNext, suffix3(ctx[c+1]))
			add(fWordNext2, ctx[c+2])
			best := -1
			for k := range t.classes {
				if present[k] && (best < 0 || scores[k] > scores[best]) {
					best = k
				}
			}
			tag = ""
			if best >= 0 {
				tag = t.classes[best]
			}
			if margin != nil {
				for k := range t.classes {
					if present[k] && k != best {
						margin[i] = min(margin[i], scores[best]-scores[k])
					}
				}
			}
		}
		tags[i] = tag
		p2, p1 = p1, tag
	}
	return tags
}

// suffix3 is the last three bytes of s, or s.
func suffix3(s string) string { return s[len(s)-min(len(s), 3):] }

// normalizeForTagger maps a word to the form the model's context features
// use: hyphenated words, four-digit numbers and words opening with a digit
// become classes, the rest lower case.
func normalizeForTagger(w string) string {
	if w == "" {
		return w
	}
	if strings.Contains(w, "-") && w[0] != '-' {
		return "!HYPHEN"
	}
	if _, err := strconv.Atoi(w); err == nil && len(w) == 4 {
		return "!YEAR"
	}
	if w[0] >= '0' && w[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(w)
}
