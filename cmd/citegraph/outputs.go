package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/citegraph/citegraph/graph/encoding/dot"
	"github.com/citegraph/citegraph/graph/output"
)

// viewFlags are --formats and the flags of the drawn views that
// output.Options takes parsed; the others are bound to its Views.
type viewFlags struct {
	years   string
	themes  string
	edges   string
	formats string
}

// addFlags adds the flags of the views, binding the plain ones to v.
func (vf *viewFlags) addFlags(f *pflag.FlagSet, v *output.Views) {
	f.StringVar(&vf.formats, "formats", "all", "outputs to write besides works.jsonl, graph.dot, centrality.csv and themes.csv: all, none, or some of "+strings.Join(output.Optional(), ","))
	f.StringVar(&v.Measure, "measure", "pagerank", "what ranks the works in top.dot, the historiograph and the report: pagerank, in-degree, betweenness, authority or hub")
	f.IntVar(&v.MapTop, "map-top", 50, "number of works drawn in top.dot and historiograph.dot")
	f.StringVar(&v.Scope, "scope", "corpus", "which works --map-top ranks: corpus (the works the sources describe, then the references that fit), cited (works known only from references) or all")
	f.StringVar(&vf.years, "years", "", "draw only works published in this span in the views, e.g. 2005-2015, 2010- or -2015")
	f.StringVar(&vf.themes, "themes", "", "draw only works of these themes in the views, e.g. 1,3")
	f.StringVar(&vf.edges, "edges", "", "edge kinds drawn in top.dot and neighbourhood.dot: some of cites,cocited,related (default all)")
	f.StringVar(&v.Focus, "focus", "", "also draw neighbourhood.dot: the works around this one (its key, e.g. doi:10.1/x, or its DOI)")
	f.IntVar(&v.Depth, "depth", 1, "radius of neighbourhood.dot in links")
	f.BoolVar(&v.NoLegend, "no-legend", false, "leave the legend out of the views")
}

// validate checks the flags of the views and parses them into o.
func (vf *viewFlags) validate(o *output.Options) (err error) {
	v := &o.Views
	if _, ok := output.Measures[v.Measure]; !ok {
		return fmt.Errorf("--measure %q: want one of %s", v.Measure, strings.Join(output.MeasureNames, ", "))
	}
	if !slices.Contains(dot.Scopes, v.Scope) {
		return fmt.Errorf("--scope %q: want one of %s", v.Scope, strings.Join(dot.Scopes, ", "))
	}
	if err := firstError(check(v.MapTop >= 1, "--map-top %d: must be at least 1", v.MapTop),
		check(v.Depth >= 1, "--depth %d: must be at least 1", v.Depth)); err != nil {
		return err
	}
	if vf.years != "" {
		if v.YearFrom, v.YearTo, err = output.ParseYears(vf.years); err != nil {
			return fmt.Errorf("--years %w", err)
		}
	}
	if vf.themes != "" {
		if v.Themes, err = output.ParseThemes(vf.themes); err != nil {
			return fmt.Errorf("--themes %w", err)
		}
	}
	if vf.edges != "" {
		if v.Kinds, err = output.ParseEdgeKinds(vf.edges); err != nil {
			return fmt.Errorf("--edges %w", err)
		}
	}
	if o.Formats, err = output.ParseFormats(vf.formats); err != nil {
		return fmt.Errorf("--formats %w", err)
	}
	return nil
}
