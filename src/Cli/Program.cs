using DomainLauncher.Cli;

return CliApplication.Run(args, Console.Out, Console.Error);
