package com.example.zmq.secure;

import java.util.List;

import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Three clients knock on the CURVE server: the Java client and the pyzmq client, whose
 * keys are on its allow-list, get answers; the intruder, whose key is not, gets none.
 */
@Component
class Demo implements ApplicationRunner {

	private final ZmqTemplate zmq;

	private final Environment environment;

	Demo(ZmqTemplate zmq, Environment environment) {
		this.zmq = zmq;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		String reply = this.zmq.request("secure-greeter-client", "Java", String.class);
		System.out.println("[java client] request 'Java' -> reply '" + reply + "'");

		// the address the server really bound, published by the starter once it listens
		String address = this.environment.getRequiredProperty("local.zmq.listener.secure-greeter.address");
		List<String> python = PythonClient.request(address, "pyzmq");
		python.forEach((line) -> System.out.println("[python client] " + line));

		try {
			reply = this.zmq.request("intruder", "let me in", String.class);
			throw new IllegalStateException("The server answered a client it does not know: '" + reply + "'");
		}
		catch (ZmqRequestTimeoutException ex) {
			// the server's ZAP handler refused the handshake (it logs the key once), so
			// the
			// request was never delivered and nothing ever answers it
			System.out.println("[intruder] request 'let me in' -> no reply within " + ex.getTimeout().toMillis()
					+ " ms: refused as expected (its key is not on the allow-list)");
		}
	}

}
