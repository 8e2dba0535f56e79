package detectors

// Links is the link detector: it extracts the external links an edit added
// and scores them for link spam.
func Links(in *Input) Result {
	return Result{Detector: "links"}
}
