package io.paperjam.client.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** print-client completion: prints the bash/zsh completion script, generated from the command model. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash (and zsh) completion script for print-client.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(bin/print-client completion)",
            "  bin/print-client completion > /etc/bash_completion.d/print-client"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("print-client", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
