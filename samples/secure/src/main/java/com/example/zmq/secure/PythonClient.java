package com.example.zmq.secure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the pyzmq client (src/main/python/secure_client.py) with Debian's
 * {@code /usr/bin/python3}: a libzmq peer in its own process, authenticating with its own
 * certificate, just as a client written in another language on another host would.
 */
final class PythonClient {

	private static final Path PYTHON = Path.of("/usr/bin/python3");

	private static final long TIMEOUT_SECONDS = 20;

	// secure_client.py's exit status when pyzmq cannot be imported
	private static final int NO_PYZMQ = 3;

	private static final String INSTALL_HINT = "install python3-zmq (Debian/Ubuntu: sudo apt-get install python3-zmq) "
			+ "to watch a libzmq client talk to the server";

	private PythonClient() {
	}

	/**
	 * Send one request from the pyzmq client.
	 * @param address the server's address
	 * @param name what to send
	 * @return the lines the client printed, or a hint when Python or pyzmq is missing
	 * @throws IOException if the client could not be started
	 * @throws InterruptedException if interrupted while waiting for the client
	 */
	static List<String> request(String address, String name) throws IOException, InterruptedException {
		if (!Files.isExecutable(PYTHON)) {
			return List.of("skipped: " + PYTHON + " not found; " + INSTALL_HINT);
		}
		// the certificates are on the classpath, maybe inside a jar: Python needs files.
		// The temporary directory is private to this user (rwx------), as a secret
		// certificate's directory should be.
		Path directory = Files.createTempDirectory("zmq-secure-sample-");
		try {
			Path script = copy("python/secure_client.py", directory);
			Path clientCertificate = copy("certs/python-client.key_secret", directory);
			Path serverCertificate = copy("certs/server.key", directory);
			Path output = directory.resolve("output.txt");
			Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), address,
					clientCertificate.toString(), serverCertificate.toString(), name)
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("The pyzmq client did not finish within " + TIMEOUT_SECONDS + "s");
			}
			List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
			if (process.exitValue() == NO_PYZMQ) {
				return List.of("skipped: pyzmq is not installed; " + INSTALL_HINT);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"The pyzmq client failed (exit status " + process.exitValue() + "): " + lines);
			}
			return lines;
		}
		finally {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	private static Path copy(String resource, Path directory) throws IOException {
		Path target = directory.resolve(Path.of(resource).getFileName());
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			Files.copy(in, target);
		}
		return target;
	}

}
