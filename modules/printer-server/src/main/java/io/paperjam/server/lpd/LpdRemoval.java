package io.paperjam.server.lpd;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.ProtocolException;
import io.paperjam.server.core.Printer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an LPD remove-jobs request (RFC 1179 command 5, {@code lprm}): operands name jobs by
 * number or by owner, {@code -} or {@code all} means every job of the requesting agent, and no
 * operand means the agent's first job (the one printing, if it is theirs). LPD has no passwords, so
 * only a trusted peer (this machine, as for admin operations on the JSON port) may remove another
 * user's job. Answers one line per job, as BSD lpd does.
 */
final class LpdRemoval {

    private static final Logger LOG = LoggerFactory.getLogger(LpdRemoval.class);

    private final Printer printer;
    private final int maxJobs;

    LpdRemoval(Printer printer, int maxJobs) {
        this.printer = printer;
        this.maxJobs = maxJobs;
    }

    String remove(String agent, List<String> operands, boolean trusted, String peer) {
        List<JobInfo> queue = printer.jobs(null, maxJobs);
        Set<Long> targets = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        if (operands.isEmpty()) {
            queue.stream().filter(j -> agent.equals(j.user())).findFirst().ifPresent(j -> targets.add(j.id()));
        }
        for (String operand : operands) {
            if (operand.equals("-") || operand.equals("all")) {
                queue.stream().filter(j -> agent.equals(j.user())).forEach(j -> targets.add(j.id()));
            } else if (operand.chars().allMatch(Character::isDigit) && operand.length() < 19) {
                targets.add(Long.parseLong(operand));
            } else {
                queue.stream().filter(j -> operand.equals(j.user())).forEach(j -> targets.add(j.id()));
            }
        }
        if (targets.isEmpty()) {
            lines.add("no jobs of yours to remove (" + agent + ")");
        }
        for (long id : targets) {
            lines.add(removeOne(id, agent, trusted, peer));
        }
        return String.join("\n", lines) + "\n";
    }

    private String removeOne(long id, String agent, boolean trusted, String peer) {
        JobInfo job = printer.job(id).orElse(null);
        if (job == null) {
            return "job " + id + ": no such job";
        }
        if (!trusted && !Objects.equals(agent, job.user())) {
            LOG.warn("lpd: {} as {} may not remove job {} of {}", peer, agent, id, job.user());
            return "job " + id + ": permission denied (it belongs to " + job.user() + ")";
        }
        try {
            JobInfo canceled = printer.cancel(id);
            LOG.info("lpd: job {} ({}) canceled by {} from {}", id, canceled.name(), agent, peer);
            return "job " + id + " (" + canceled.name() + ") dequeued";
        } catch (ProtocolException e) {
            return "job " + id + ": " + e.getMessage();
        }
    }
}
