package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/parlance-go/parlance/report"
)

func runAssets(e *env, args []string) error {
	fs := newFlags(e, "assets", "[--registry URL] [--force]",
		`Assets fetches, once, the ECharts build that lets parlance report write one
self-contained file: echarts@`+report.EChartsVersion+`'s dist/echarts.min.js, taken from the
npm registry's tarball for that version and checked against its pinned
SHA-256 before it is saved in the user's cache directory. After it, every
report inlines the library and draws its charts offline, loading nothing
from elsewhere. Nothing is saved if a check fails.`,
		"parlance assets")
	registry := fs.String("registry", report.DefaultRegistry, "npm registry base URL")
	force := fs.Bool("force", false, "fetch again even when the cache holds a checked copy")
	quiet := fs.Bool("quiet", false, "print nothing on success")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("assets takes no arguments, got %q", rest[0])
	}
	dest, err := report.EChartsCachePath()
	if err != nil {
		return err
	}
	if !*force {
		if b, err := os.ReadFile(dest); err == nil {
			if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) == report.EChartsSHA256 {
				if !*quiet {
					fmt.Fprintf(e.stderr, "echarts@%s is already in %s (SHA-256 checked)\n", report.EChartsVersion, dest)
				}
				return nil
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// A generous limit: the tarball is about 11 MB, and a stalled
	// connection should end with an error rather than hang.
	client := &http.Client{Timeout: 10 * time.Minute}
	if err := report.FetchECharts(ctx, client, *registry, dest); err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(e.stderr, "saved echarts@%s to %s (SHA-256 %s checked): parlance report now writes self-contained files\n", report.EChartsVersion, dest, report.EChartsSHA256)
	}
	return nil
}
