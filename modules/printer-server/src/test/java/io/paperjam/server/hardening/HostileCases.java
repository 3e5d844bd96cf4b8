package io.paperjam.server.hardening;

import static io.paperjam.server.hardening.HostileCase.After.CLIENT_HANGS_UP;
import static io.paperjam.server.hardening.HostileCase.After.DISCONNECT;
import static io.paperjam.server.hardening.HostileCase.After.HALF_CLOSE;
import static io.paperjam.server.hardening.HostileCase.After.SERVER_CLOSES;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of malformed and hostile requests for the JSON-header port. The server under test
 * has a {@value #MAX_HEADER}-byte line limit; job 1 belongs to user "ada".
 */
final class HostileCases {

    static final int MAX_HEADER = 4096;
    static final String REMOTE = "127.0.0.2";
    /** A request that must never run when it arrives inside a document: it would pause the printer. */
    static final String SMUGGLED = "{\"op\":\"pause\"}\n";
    /** Names that would escape the spool if a name ever became a path. */
    static final String ESCAPE = "paperjam-hardening-escape";

    private HostileCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> all = new ArrayList<>();
        all.addAll(notJson());
        all.addAll(wrongShapes());
        all.addAll(numbers());
        all.addAll(bytesAndFraming());
        all.addAll(documents());
        all.addAll(trailers());
        all.addAll(names());
        all.addAll(access());
        return all;
    }

    private static List<HostileCase> notJson() {
        return List.of(
                HostileCase.of("plain text").line("hello printer").expect("bad-request"),
                HostileCase.of("truncated object").line("{\"op\":\"status\"").expect("bad-request"),
                HostileCase.of("single quotes").line("{'op':'status'}").expect("bad-request"),
                HostileCase.of("comment inside").line("{\"op\":\"status\"/* hi */}").expect("bad-request"),
                HostileCase.of("two objects on one line").line("{\"op\":\"status\"} {\"op\":\"status\"}")
                        .expect("bad-request"),
                HostileCase.of("NaN literal").line("{\"op\":\"job\",\"id\":NaN}").expect("bad-request"),
                HostileCase.of("number with 500 digits").line("{\"op\":\"job\",\"id\":" + "9".repeat(500) + "}")
                        .expect("bad-request"),
                HostileCase.of("HTTP request on the wrong port").line("GET / HTTP/1.1\r").line("Host: x\r")
                        .line("\r").expect("bad-request", "bad-request"));
    }

    private static List<HostileCase> wrongShapes() {
        return List.of(
                HostileCase.of("array, not an object").line("[{\"op\":\"status\"}]").expect("bad-request"),
                HostileCase.of("bare string").line("\"status\"").expect("bad-request"),
                HostileCase.of("bare null").line("null").expect("bad-request"),
                HostileCase.of("empty object: no op").line("{}").expect("bad-request"),
                HostileCase.of("op is a number").line("{\"op\":5}").expect("bad-request"),
                HostileCase.of("op is null").line("{\"op\":null}").expect("bad-request"),
                HostileCase.of("op is an object").line("{\"op\":{\"op\":\"status\"}}").expect("bad-request"),
                HostileCase.of("unknown op").line("{\"op\":\"print-money\"}").expect("unknown-op"),
                HostileCase.of("op in upper case").line("{\"op\":\"STATUS\"}").expect("unknown-op"),
                HostileCase.of("unknown field").line("{\"op\":\"status\",\"colour\":\"red\"}").expect("bad-request"),
                HostileCase.of("duplicate key").line("{\"op\":\"status\",\"op\":\"watch\"}").expect("bad-request"),
                HostileCase.of("version from the future").line("{\"op\":\"status\",\"v\":2}")
                        .expect("unsupported-version"),
                HostileCase.of("version as text").line("{\"op\":\"status\",\"v\":\"1\"}").expect("bad-request"),
                HostileCase.of("nested 9 deep").line("{\"op\":\"status\",\"x\":" + "[".repeat(9) + "]".repeat(9) + "}")
                        .expect("bad-request"),
                HostileCase.of("nested 2000 deep").line("[".repeat(2000) + "]".repeat(2000)).expect("bad-request"),
                HostileCase.of("states not a state").line("{\"op\":\"jobs\",\"states\":[\"printed\"]}")
                        .expect("bad-request"),
                HostileCase.of("states of 33 entries").line("{\"op\":\"jobs\",\"states\":["
                        + "\"pending\",".repeat(32) + "\"pending\"]}").expect("bad-request"),
                HostileCase.of("fault name unknown").line("{\"op\":\"fault\",\"action\":\"set\",\"names\":[\"fire\"]}")
                        .expect("bad-request"),
                HostileCase.of("fault set without names").line("{\"op\":\"fault\",\"action\":\"set\"}")
                        .expect("bad-request"),
                HostileCase.of("ink over 100 percent").line("{\"op\":\"supplies\",\"action\":\"set\",\"ink\":101}")
                        .expect("bad-request"),
                HostileCase.of("colour name with a slash")
                        .line("{\"op\":\"supplies\",\"action\":\"set\",\"ink\":{\"../black\":5}}").expect("bad-request"),
                HostileCase.of("token is a number").line("{\"op\":\"pause\",\"token\":1234}").expect("bad-request"));
    }

    private static List<HostileCase> numbers() {
        return List.of(
                HostileCase.of("id as text").line("{\"op\":\"job\",\"id\":\"7\"}").expect("bad-request"),
                HostileCase.of("id negative").line("{\"op\":\"job\",\"id\":-7}").expect("bad-request"),
                HostileCase.of("id zero").line("{\"op\":\"job\",\"id\":0}").expect("bad-request"),
                HostileCase.of("id fraction").line("{\"op\":\"job\",\"id\":1.5}").expect("bad-request"),
                HostileCase.of("id in exponent form").line("{\"op\":\"job\",\"id\":1e3}").expect("bad-request"),
                HostileCase.of("id over 2^63").line("{\"op\":\"job\",\"id\":9223372036854775808}").expect("bad-request"),
                HostileCase.of("unknown job id").line("{\"op\":\"job\",\"id\":424242}").expect("not-found"),
                HostileCase.of("largest job id").line("{\"op\":\"job\",\"id\":9223372036854775807}").expect("not-found"),
                HostileCase.of("cancel of an unknown job").line("{\"op\":\"cancel\",\"id\":424242}").expect("not-found"),
                HostileCase.of("jobs limit zero").line("{\"op\":\"jobs\",\"limit\":0}").expect("bad-request"),
                HostileCase.of("jobs limit huge").line("{\"op\":\"jobs\",\"limit\":4294967296}").expect("bad-request"),
                HostileCase.of("paper negative").line("{\"op\":\"supplies\",\"action\":\"set\",\"paper\":-1}")
                        .expect("bad-request"));
    }

    private static List<HostileCase> bytesAndFraming() {
        String pad = " ".repeat(MAX_HEADER);
        String status = "{\"op\":\"status\"}";
        return List.of(
                HostileCase.of("invalid UTF-8").text("{\"op\":\"status\",\"x\":\"").bytes(new byte[] {(byte) 0xff, (byte) 0xfe})
                        .line("\"}").expect("bad-request"),
                HostileCase.of("overlong UTF-8 slash").text("{\"op\":\"job\",\"x\":\"").bytes(new byte[] {(byte) 0xc0, (byte) 0xaf})
                        .line("\"}").expect("bad-request"),
                HostileCase.of("NUL after the object").text(status).bytes(new byte[] {0}).line("").expect("bad-request"),
                HostileCase.of("raw NUL inside a string").text("{\"op\":\"sta").bytes(new byte[] {0}).line("tus\"}")
                        .expect("bad-request"),
                HostileCase.of("only NULs").bytes(new byte[64]).line("").expect("bad-request"),
                HostileCase.of("CRLF line end").text(status + "\r\n").expect("ok"),
                HostileCase.of("empty lines are skipped").text("\n\r\n\n" + status + "\n").expect("ok"),
                HostileCase.of("a lone CR line").text("\r\n" + status + "\n").expect("ok"),
                HostileCase.of("three pipelined requests").line(status).line("{\"op\":\"job\",\"id\":999999}")
                        .line("{\"op\":\"jobs\",\"states\":\"pending\"}").expect("ok", "not-found", "ok"),
                HostileCase.of("line exactly at the limit").line(status + pad.substring(status.length() + 1)).expect("ok"),
                HostileCase.of("line one byte over the limit").line(status + pad.substring(status.length()))
                        .expect("too-large").then(SERVER_CLOSES),
                HostileCase.of("header over the limit, no newline").text(status + pad + pad)
                        .expect("too-large").then(SERVER_CLOSES),
                HostileCase.of("16 bad lines in a row").text("x\n".repeat(16))
                        .expect(repeat("bad-request", 16)).then(SERVER_CLOSES));
    }

    private static List<HostileCase> documents() {
        String hello = "hello world";
        String wrongSha = Fixtures.sha256(Fixtures.ascii("something else"));
        return List.of(
                HostileCase.of("submit without size").line("{\"op\":\"submit\",\"name\":\"a.txt\"}").text(hello)
                        .expect("bad-request").then(SERVER_CLOSES),
                HostileCase.of("submit with negative size").line("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":-5}")
                        .text(hello).expect("bad-request").then(SERVER_CLOSES),
                HostileCase.of("submit with size as text").line("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":\"11\"}")
                        .text(hello).expect("bad-request").then(SERVER_CLOSES),
                HostileCase.of("submit with size over 2^63").line("{\"op\":\"submit\",\"name\":\"a\",\"size\":99999999999999999999}")
                        .text(hello).expect("bad-request").then(SERVER_CLOSES),
                HostileCase.of("submit with two sizes, request smuggled in the body")
                        .line("{\"op\":\"submit\",\"name\":\"a\",\"size\":" + SMUGGLED.length() + ",\"size\":1}").text(SMUGGLED)
                        .expect("bad-request").then(SERVER_CLOSES),
                HostileCase.of("submit that is not JSON, request smuggled in the body")
                        .line("{\"op\":\"submit\",\"name\":\"a\",\"size\":" + SMUGGLED.length() + ",}").text(SMUGGLED)
                        .expect("bad-request").then(SERVER_CLOSES),
                HostileCase.of("submit nested too deep, request smuggled in the body")
                        .line("{\"op\":\"submit\",\"name\":\"a\",\"size\":" + SMUGGLED.length() + ",\"x\":"
                                + "[".repeat(20) + "]".repeat(20) + "}").text(SMUGGLED)
                        .expect("bad-request").then(SERVER_CLOSES),
                HostileCase.of("submit with invalid UTF-8 name, request smuggled in the body")
                        .text("{\"op\":\"submit\",\"name\":\"").bytes(new byte[] {(byte) 0xff})
                        .line("\",\"size\":" + SMUGGLED.length() + "}").text(SMUGGLED)
                        .expect("bad-request").then(SERVER_CLOSES),
                HostileCase.of("submit with unknown field, body skipped").submit("\"name\":\"a.txt\",\"colour\":1", SMUGGLED)
                        .expect("bad-request"),
                HostileCase.of("document shorter than size, then half-close")
                        .line("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":100}").text(hello)
                        .expect("bad-request").then(HALF_CLOSE),
                HostileCase.of("document shorter than size, then disconnect")
                        .line("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":100}").text(hello).then(DISCONNECT),
                HostileCase.of("document longer than size").line("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":5}")
                        .line(hello).expect("ok", "bad-request").queues(1),
                HostileCase.of("checksum mismatch").submit("\"name\":\"a.txt\",\"sha256\":\"" + wrongSha + "\"", hello)
                        .expect("checksum-mismatch"),
                HostileCase.of("sha256 not hex").submit("\"name\":\"a.txt\",\"sha256\":\"" + "z".repeat(64) + "\"", hello)
                        .expect("bad-request"),
                HostileCase.of("document over the size limit").line("{\"op\":\"submit\",\"name\":\"big\",\"size\":1000000000000}")
                        .text(hello).expect("too-large").then(CLIENT_HANGS_UP),
                HostileCase.of("zero copies").submit("\"name\":\"a.txt\",\"copies\":0", hello).expect("bad-request"),
                HostileCase.of("1000 copies").submit("\"name\":\"a.txt\",\"copies\":1000", hello).expect("bad-request"),
                HostileCase.of("2^31 copies").submit("\"name\":\"a.txt\",\"copies\":2147483648", hello).expect("bad-request"),
                HostileCase.of("copies as fraction").submit("\"name\":\"a.txt\",\"copies\":2.5", hello).expect("bad-request"),
                HostileCase.of("zero pages").submit("\"name\":\"a.txt\",\"pages\":0", hello).expect("bad-request"),
                HostileCase.of("ten million pages").submit("\"name\":\"a.txt\",\"pages\":10000000", hello).expect("bad-request"));
    }

    /** Submits with {@code "sha256":"trailer"}: the digest comes as a line after the document. */
    private static List<HostileCase> trailers() {
        String hello = "hello world";
        String helloSha = Fixtures.sha256(Fixtures.ascii(hello));
        String head = "{\"op\":\"submit\",\"name\":\"t.txt\",\"sha256\":\"trailer\",\"size\":" + hello.length() + "}";
        return List.of(
                HostileCase.of("trailer with the right digest").line(head).text(hello)
                        .line("{\"sha256\":\"" + helloSha + "\"}").expect("ok").queues(1),
                HostileCase.of("trailer with the wrong digest").line(head).text(hello)
                        .line("{\"sha256\":\"" + Fixtures.sha256(Fixtures.ascii("something else")) + "\"}")
                        .expect("checksum-mismatch"),
                HostileCase.of("trailer that is not JSON").line(head).text(hello).line("garbage")
                        .expect("bad-request"),
                HostileCase.of("trailer digest not hex").line(head).text(hello).line("{\"sha256\":\"" + "z".repeat(64) + "\"}")
                        .expect("bad-request"),
                HostileCase.of("trailer digest too short").line(head).text(hello).line("{\"sha256\":\"abc\"}")
                        .expect("bad-request"),
                HostileCase.of("trailer with an extra field").line(head).text(hello)
                        .line("{\"sha256\":\"" + helloSha + "\",\"op\":\"pause\"}").expect("bad-request"),
                HostileCase.of("trailer replaced by a smuggled request").line(head).text(hello).text(SMUGGLED)
                        .expect("bad-request"),
                HostileCase.of("trailer that is an empty line").line(head).text(hello).line("").expect("bad-request"),
                HostileCase.of("trailer over the line limit").line(head).text(hello).text("{" + " ".repeat(MAX_HEADER))
                        .expect("bad-request").then(SERVER_CLOSES),
                HostileCase.of("trailer missing, then half-close").line(head).text(hello)
                        .expect("bad-request").then(HALF_CLOSE),
                HostileCase.of("trailer cut short, then disconnect").line(head).text(hello).text("{\"sha256\":\"b9")
                        .then(DISCONNECT),
                HostileCase.of("trailer missing, then disconnect").line(head).text(hello).then(DISCONNECT),
                HostileCase.of("refused submit with a trailer: body and trailer skipped")
                        .line("{\"op\":\"submit\",\"name\":\"t\",\"sha256\":\"trailer\",\"size\":2,\"colour\":1}")
                        .text("hi").text(SMUGGLED).expect("bad-request"));
    }

    private static List<HostileCase> names() {
        return List.of(
                HostileCase.of("empty name").submit("\"name\":\"\"", "x").expect("bad-request"),
                HostileCase.of("name of 2000 characters").submit("\"name\":\"" + "n".repeat(2000) + "\"", "x")
                        .expect("bad-request"),
                HostileCase.of("name with a NUL escape").submit("\"name\":\"a\\u0000.txt\"", "x").expect("bad-request"),
                HostileCase.of("name with a newline escape").submit("\"name\":\"a\\n{\\\"op\\\":\\\"pause\\\"}\"", "x")
                        .expect("bad-request"),
                HostileCase.of("user with an escape character").submit("\"name\":\"a\",\"user\":\"\\u001b[31mroot\"", "x")
                        .expect("bad-request"),
                HostileCase.of("name climbing out of the spool").submit("\"name\":\"../../../../" + ESCAPE + "-1\"", "x")
                        .expect("ok").queues(1),
                HostileCase.of("absolute name").submit("\"name\":\"/tmp/" + ESCAPE + "-2\"", "x").expect("ok").queues(1),
                HostileCase.of("name with backslashes").submit("\"name\":\"..\\\\..\\\\" + ESCAPE + "-3\"", "x")
                        .expect("ok").queues(1),
                HostileCase.of("name that is just dots").submit("\"name\":\"..\"", "x").expect("ok").queues(1),
                HostileCase.of("user climbing out of the spool").submit("\"name\":\"u.txt\",\"user\":\"../../"
                        + ESCAPE + "-4\"", "x").expect("ok").queues(1),
                HostileCase.of("format that looks like a path").submit("\"name\":\"f.txt\",\"format\":\"../../"
                        + ESCAPE + "-5\"", "x").expect("ok").queues(1));
    }

    private static List<HostileCase> access() {
        return List.of(
                HostileCase.of("remote pause without token").from(REMOTE).line("{\"op\":\"pause\"}").expect("unauthorized"),
                HostileCase.of("remote resume with wrong token").from(REMOTE).line("{\"op\":\"resume\",\"token\":\"0000\"}")
                        .expect("unauthorized"),
                HostileCase.of("remote fault set without token").from(REMOTE)
                        .line("{\"op\":\"fault\",\"action\":\"set\",\"names\":[\"offline\"]}").expect("unauthorized"),
                HostileCase.of("remote fault clear with empty token").from(REMOTE)
                        .line("{\"op\":\"fault\",\"action\":\"clear\",\"all\":true,\"token\":\"\"}").expect("unauthorized"),
                HostileCase.of("remote supplies set with wrong token").from(REMOTE)
                        .line("{\"op\":\"supplies\",\"action\":\"set\",\"paper\":0,\"token\":\"" + "a".repeat(64) + "\"}")
                        .expect("unauthorized"),
                HostileCase.of("remote cancel of another user's job").from(REMOTE)
                        .line("{\"op\":\"cancel\",\"id\":1,\"user\":\"bob\"}").expect("unauthorized"),
                HostileCase.of("remote request with a pipelined admin op").from(REMOTE)
                        .line("{\"op\":\"status\"}").line("{\"op\":\"pause\"}").expect("ok", "unauthorized"));
    }

    private static String[] repeat(String code, int times) {
        String[] codes = new String[times];
        java.util.Arrays.fill(codes, code);
        return codes;
    }
}
