// Package spamscore estimates how likely the text an edit adds is link spam,
// in any language and whatever its disguise, with a learned model that ships
// inside the binary.
//
// The model is a logistic regression over hashed features that carry across
// languages: character n-grams of the added words and, apart, of the links'
// anchors; the shape of each link's URL and domain (top-level domain,
// hyphens, digits, path depth, tracking parameters, shorteners, IDN);
// contact points that spam uses in place of links (bare and obfuscated
// domains such as "name . com" or "name[dot]com", Telegram handles, WhatsApp
// and phone numbers, e-mail addresses); calls to action, emoji, script
// mixing, the ratio of links to prose; and what the edit adds relative to
// the page (links after the categories, anchors unrelated to the page's
// words). A Platt-scaled output makes the score a calibrated probability.
//
// Scoring is pure: no I/O, no clock, no logging. The embedded model is
// decoded once on first use. cmd/spamtrain trains it (make model); the
// figures of the run are in TRAINING.md next to the model file.
package spamscore
