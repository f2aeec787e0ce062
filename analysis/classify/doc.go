// Package classify implements parlance's codebook: it gives every answer a
// stance (disclosed, partial, declined, referred, holding) and the refusal
// grounds it states, with the evidence (sentences with byte offsets and the
// cue that fired) and a confidence for each verdict.
package classify
