package com.example.zmq.secure;

import java.util.Map;

import org.zeromq.ZMQ;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * CURVE security: a replier that serves only the client keys it knows, a Java client and
 * a pyzmq client that it knows, and an intruder with a key pair nobody knows. Run it,
 * watch who gets an answer, and it exits by itself.
 */
@SpringBootApplication
public class SecureApplication {

	public static void main(String[] args) {
		// the demo runs while the context starts; closing it stops the listeners and ends
		// the JVM
		new SpringApplicationBuilder(SecureApplication.class).properties(intruderKeyPair()).run(args).close();
	}

	/**
	 * A key pair generated on every start, so no server can have it on its allow-list.
	 * Only the secret key is set: the starter derives the public key from it.
	 * @return the property that gives the intruder endpoint its key pair
	 */
	static Map<String, Object> intruderKeyPair() {
		String secretKey = ZMQ.Curve.generateKeyPair().secretKey;
		// Spring reads "${" in a property value as a placeholder: take a key without '$'
		while (secretKey.contains("$")) {
			secretKey = ZMQ.Curve.generateKeyPair().secretKey;
		}
		return Map.of("zmq.endpoints.intruder.security.curve.secret-key", secretKey);
	}

}
