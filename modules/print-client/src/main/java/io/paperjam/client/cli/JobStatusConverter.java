package io.paperjam.client.cli;

import io.paperjam.protocol.JobStatus;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a job state by its IPP name (pending, processing-stopped, completed, ...). */
final class JobStatusConverter implements ITypeConverter<JobStatus> {

    @Override
    public JobStatus convert(String value) {
        return JobStatus.fromWire(value).orElseThrow(() -> new TypeConversionException("unknown job state '" + value
                + "'; states are " + Arrays.stream(JobStatus.values()).map(JobStatus::wire)
                .collect(Collectors.joining(", "))));
    }
}
