package com.example.zmq.secure;

import io.github.zmqspring.annotation.ZmqReplier;

import org.springframework.stereotype.Component;

/**
 * The CURVE server: an ordinary {@code @ZmqReplier}. All of the security is in
 * application.yml; by the time a request reaches this method, the client has proved that
 * it holds one of the allowed keys and the request has travelled encrypted.
 */
@Component
class SecureGreeter {

	@ZmqReplier(value = "secure-greeter", id = "secure-greeter")
	String greet(String name) {
		return "Hello, " + name + ", over CURVE!";
	}

}
