using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SignalWire.Agents.Benchmarks.SecurityBenchmarks).Assembly).Run(args);
