package com.example.zmq.secure;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample on a free port (CURVE needs TCP: in-process connections skip the
 * handshake): the known Java and pyzmq clients are answered, the intruder and a client
 * without CURVE are not.
 */
@SpringBootTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class SecureApplicationTests {

	private static final String ADDRESS = "tcp://127.0.0.1:" + TestSocketUtils.findAvailableTcpPort();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		for (String endpoint : List.of("secure-greeter", "secure-greeter-client", "intruder")) {
			registry.add("zmq.endpoints." + endpoint + ".addresses", () -> ADDRESS);
		}
		SecureApplication.intruderKeyPair().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void demoServedTheKnownClientsAndRefusedTheIntruder(CapturedOutput output) {
		assertThat(output).contains("[java client] request 'Java' -> reply 'Hello, Java, over CURVE!'")
			// CI installs python3-zmq: the libzmq client must really run, not be skipped
			.contains("[python client] request 'pyzmq' -> reply 'Hello, pyzmq, over CURVE!'")
			.contains("[intruder] request 'let me in' -> no reply within 1000 ms: refused as expected");
	}

	@Test
	void clientWithoutCurveIsNeverServed() {
		try (ZContext context = new ZContext()) {
			ZMQ.Socket socket = context.createSocket(SocketType.REQ);
			socket.setLinger(0);
			socket.setReceiveTimeOut(1000);
			socket.connect(ADDRESS);
			assertThat(socket.send("hello")).isTrue();
			assertThat(socket.recvStr()).isNull();
		}
	}

}
