using System.Globalization;

namespace Sap.Migrator;

/// <summary>A parsed command line: the command and its options.</summary>
internal sealed class MigratorArguments
{
    private static readonly Dictionary<string, string[]> CommandOptions = new(StringComparer.Ordinal)
    {
        ["migrate"] = ["to"],
        ["rollback"] = ["to"],
        ["status"] = [],
        ["unlock"] = [],
        ["script"] = ["from", "to", "idempotent", "output"],
        ["demo-data"] = ["scale", "seed", "force", "today"],
        ["rebuild-read-model"] = [],
    };

    private static readonly HashSet<string> Switches = ["idempotent", "force", "verbose", "help"];

    private readonly Dictionary<string, string> values;

    private MigratorArguments(string command, Dictionary<string, string> values, bool verbose)
    {
        Command = command;
        this.values = values;
        Verbose = verbose;
    }

    public const string Usage = """
        usage: Sap.Migrator <command> [options]

        commands:
          migrate [--to <migration>]                      apply pending migrations (up to one)
          rollback --to <migration|0>                     revert to a migration; 0 empties the database
          status                                          list applied and pending migrations (and a held lock)
          unlock                                          remove the SQLite migration lock a killed migrator left
          script [--from X] [--to Y] [--idempotent] [--output FILE]
                                                          write the SQL of the migrations (stdout by default)
          demo-data --scale small|medium|large [--seed N] [--today YYYY-MM-DD] [--force]
                                                          fill the database with demo data
          rebuild-read-model                              recompute the sales read model from the pedidos
                                                          (after rows were changed by hand)

        options: --verbose (details of a failure), --help
        settings (environment): Sap__Database__Provider (sqlite|postgres), ConnectionStrings__Sap,
          Sap__BusinessTimeZone
        exit codes: 0 done, 1 failed, 2 bad usage or settings
        """;

    public string Command { get; }

    public bool Verbose { get; }

    /// <summary>Only --help (or nothing at all) was asked for.</summary>
    public bool HelpOnly => Command == "help";

    /// <exception cref="UsageException">Unknown command or option, missing value, stray argument.</exception>
    public static MigratorArguments Parse(IReadOnlyList<string> args)
    {
        string? command = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                values["help"] = "true";
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var (name, value) = SplitOption(arg[2..]);
                if (Switches.Contains(name))
                {
                    if (value is not null)
                    {
                        throw new UsageException($"--{name} takes no value");
                    }

                    values[name] = "true";
                }
                else
                {
                    if (value is null)
                    {
                        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        {
                            throw new UsageException($"--{name} needs a value");
                        }

                        value = args[++i];
                    }

                    values[name] = value;
                }
            }
            else if (command is null)
            {
                command = arg;
            }
            else
            {
                throw new UsageException($"unexpected argument '{arg}'");
            }
        }

        var verbose = values.Remove("verbose");
        if (values.Remove("help") || command is null)
        {
            return new MigratorArguments("help", values, verbose);
        }

        if (!CommandOptions.TryGetValue(command, out var allowed))
        {
            throw new UsageException($"unknown command '{command}' (commands: {string.Join(", ", CommandOptions.Keys)})");
        }

        var stray = values.Keys.FirstOrDefault(k => !allowed.Contains(k));
        if (stray is not null)
        {
            throw new UsageException($"'{command}' takes no --{stray} option");
        }

        return new MigratorArguments(command, values, verbose);
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public bool Has(string name) => values.ContainsKey(name);

    public string Required(string name) =>
        Get(name) ?? throw new UsageException($"'{Command}' needs --{name}");

    public int? Int(string name) =>
        Get(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new UsageException($"--{name} must be an integer, not '{text}'");

    public DateOnly? Date(string name) =>
        Get(name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value
        : throw new UsageException($"--{name} must be a date YYYY-MM-DD, not '{text}'");

    private static (string Name, string? Value) SplitOption(string option)
    {
        var eq = option.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (option, null) : (option[..eq], option[(eq + 1)..]);
    }
}
