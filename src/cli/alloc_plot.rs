//! Charts for `alloc-bench --plot` (SVG): the heap's size under each strategy against the
//! live payload over a trace, and utilization per strategy.

use crate::vm::alloc::replay::Sample;
use plotters::prelude::*;
use std::path::Path;

fn err(path: &Path) -> impl Fn(String) -> String + '_ {
    move |e| format!("cannot draw {}: {e}", path.display())
}

/// Heap size per strategy and live payload (the same for all), in KiB, over operations.
pub fn heap_over_time(
    path: &Path,
    trace: &str,
    series: &[(&str, &[Sample])],
) -> Result<(), String> {
    let kib = |b: u64| b as f64 / 1024.0;
    let max_op = series
        .iter()
        .flat_map(|(_, s)| s.iter().map(|p| p.op))
        .max()
        .unwrap_or(1)
        .max(1);
    let max_y = series
        .iter()
        .flat_map(|(_, s)| s.iter().map(|p| kib(p.heap_size.max(p.live))))
        .fold(1.0, f64::max);
    let draw = || -> Result<(), Box<dyn std::error::Error>> {
        let root = SVGBackend::new(path, (960, 540)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("{trace}: heap size and live payload"),
                ("sans-serif", 22),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d(0..max_op, 0.0..max_y * 1.05)?;
        chart
            .configure_mesh()
            .x_desc("operation")
            .y_desc("KiB")
            .draw()?;
        for (i, (name, samples)) in series.iter().enumerate() {
            let color = Palette99::pick(i).to_rgba();
            chart
                .draw_series(LineSeries::new(
                    samples.iter().map(|p| (p.op, kib(p.heap_size))),
                    color.stroke_width(2),
                ))?
                .label(format!("heap: {name}"))
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
                });
        }
        if let Some((_, samples)) = series.first() {
            chart
                .draw_series(LineSeries::new(
                    samples.iter().map(|p| (p.op, kib(p.live))),
                    BLACK.stroke_width(3),
                ))?
                .label("live payload")
                .legend(|(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], BLACK.stroke_width(3))
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()?;
        root.present()?;
        Ok(())
    };
    draw().map_err(|e| e.to_string()).map_err(err(path))
}

/// One bar per strategy: its average utilization in percent.
pub fn utilization(path: &Path, utils: &[(&str, f64)]) -> Result<(), String> {
    let names: Vec<String> = utils.iter().map(|(n, _)| n.to_string()).collect();
    let draw = || -> Result<(), Box<dyn std::error::Error>> {
        let root = SVGBackend::new(path, (960, 540)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .caption("average utilization per strategy", ("sans-serif", 22))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d((0..utils.len()).into_segmented(), 0.0..100.0)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_desc("utilization (%)")
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => names.get(*i).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .draw()?;
        chart.draw_series(utils.iter().enumerate().map(|(i, (_, u))| {
            let color = Palette99::pick(i).filled();
            let mut bar = Rectangle::new(
                [
                    (SegmentValue::Exact(i), 0.0),
                    (SegmentValue::Exact(i + 1), 100.0 * u),
                ],
                color,
            );
            bar.set_margin(0, 0, 8, 8);
            bar
        }))?;
        chart.draw_series(utils.iter().enumerate().map(|(i, (_, u))| {
            Text::new(
                format!("{:.1}%", 100.0 * u),
                (SegmentValue::CenterOf(i), 100.0 * u + 2.0),
                ("sans-serif", 15).into_font(),
            )
        }))?;
        root.present()?;
        Ok(())
    };
    draw().map_err(|e| e.to_string()).map_err(err(path))
}
