using DomainLauncher.Cli.Startup;

return CliApplication.Run(args, Console.Out, Console.Error);
