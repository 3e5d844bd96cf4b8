package io.paperjam.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperjam.client.PrintClient;
import io.paperjam.client.PrinterException;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** print-client cancel ID...: cancels jobs, each reported on its own line. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel pending, stopped or printing jobs. Cancelling another user's job needs the admin token.",
        footerHeading = "%nExamples:%n", footer = {"  print-client cancel 7", "  print-client cancel 7 8 9",
            "", "Exit status 1 when any job could not be cancelled (unknown, or already finished)."})
final class CancelCommand extends ClientCommand {

    @Parameters(arity = "1..*", paramLabel = "ID", description = "job ids")
    List<Long> ids;

    @Override
    protected int run() throws Exception {
        int status = ExitCodes.OK;
        try (PrintClient client = connect()) {
            for (long id : ids) {
                try {
                    JobInfo job = client.cancel(id);
                    if (json()) {
                        printJson(job);
                    } else {
                        out().println("job " + id + " " + job.state().wire() + " (" + job.name() + ")");
                        out().flush();
                    }
                } catch (PrinterException e) {
                    String what = e.getMessage().contains("job " + id) ? "" : "job " + id + ": ";
                    err().println("print-client: " + what + e.getMessage() + " (" + e.code().wire() + ")");
                    err().flush();
                    if (json()) {
                        ObjectNode line = Json.mapper().createObjectNode();
                        line.put("id", id).put("ok", false).put("error", e.code().wire()).put("message", e.getMessage());
                        printJson(line);
                    }
                    status = ExitCodes.worst(status, ExitCodes.FAILED);
                }
            }
        }
        return status;
    }
}
