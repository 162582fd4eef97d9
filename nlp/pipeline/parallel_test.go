package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/kg-cn/kg/nlp/doc"
)

func TestParallelKeepsInputOrderAndMatchesSequential(t *testing.T) {
	p := testPipeline(t)
	var jobs []Job
	for i := 0; i < 40; i++ {
		text := fmt.Sprintf("%d月%d日,青山区召开第%d次常务会议。区委书记柯文杰出席会议并讲话,副区长禚立群主持会议。", i%12+1, i%28+1, i)
		jobs = append(jobs, Job{Meta: doc.Meta{ID: fmt.Sprint(i), Date: "2024-12-31"}, Text: text})
	}
	jobs[7].Err = errors.New("unreadable") // a failed input keeps its place
	var want []string
	for _, j := range jobs {
		if j.Err != nil {
			want = append(want, "error")
			continue
		}
		x, err := p.Extract(j.Meta, j.Text)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(x)
		want = append(want, string(b))
	}
	i := 0
	next := func() (Job, bool, error) {
		if i == len(jobs) {
			return Job{}, false, nil
		}
		i++
		return jobs[i-1], true, nil
	}
	var got []string
	err := p.Parallel(context.Background(), 3, next, func(r Result) error {
		if r.Err != nil {
			got = append(got, "error")
			return nil
		}
		b, _ := json.Marshal(r.X)
		got = append(got, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("result %d differs from the sequential extraction", k)
		}
	}
}

func TestParallelStopsAtTheFirstEmitError(t *testing.T) {
	p := testPipeline(t)
	n := 0
	next := func() (Job, bool, error) {
		n++
		return Job{Meta: doc.Meta{ID: fmt.Sprint(n)}, Text: "区委书记柯文杰出席会议。"}, n <= 1000, nil
	}
	stop := errors.New("stop")
	emitted := 0
	err := p.Parallel(context.Background(), 2, next, func(Result) error {
		emitted++
		if emitted == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the emit error", err)
	}
	if emitted != 5 {
		t.Errorf("emitted %d results after the error, want 5", emitted)
	}
}
