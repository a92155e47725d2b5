package main

import (
	"fmt"
	"strings"

	"github.com/citegraph/citegraph/graph/output"
)

// viewFlags are the options of the drawn views, as flags.
type viewFlags struct {
	measure  string
	mapTop   int
	years    string
	themes   string
	edges    string
	focus    string
	depth    int
	noLegend bool
	formats  string

	views  output.Views    // parsed
	chosen map[string]bool // parsed --formats
}

func (v *viewFlags) validate() (err error) {
	if _, ok := output.Measures[v.measure]; !ok {
		return fmt.Errorf("--measure %q: want one of %s", v.measure, strings.Join(output.MeasureNames, ", "))
	}
	if v.mapTop < 1 {
		return fmt.Errorf("--map-top %d: must be at least 1", v.mapTop)
	}
	if v.depth < 1 {
		return fmt.Errorf("--depth %d: must be at least 1", v.depth)
	}
	v.views = output.Views{Measure: v.measure, MapTop: v.mapTop, Focus: v.focus, Depth: v.depth, NoLegend: v.noLegend}
	if v.years != "" {
		if v.views.YearFrom, v.views.YearTo, err = output.ParseYears(v.years); err != nil {
			return fmt.Errorf("--years %w", err)
		}
	}
	if v.themes != "" {
		if v.views.Themes, err = output.ParseThemes(v.themes); err != nil {
			return fmt.Errorf("--themes %w", err)
		}
	}
	if v.edges != "" {
		if v.views.Kinds, err = output.ParseEdgeKinds(v.edges); err != nil {
			return fmt.Errorf("--edges %w", err)
		}
	}
	if v.chosen, err = output.ParseFormats(v.formats); err != nil {
		return fmt.Errorf("--formats %w", err)
	}
	return nil
}
