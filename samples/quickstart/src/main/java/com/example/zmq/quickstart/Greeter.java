package com.example.zmq.quickstart;

import io.github.zmqspring.annotation.ZmqReplier;

import org.springframework.stereotype.Component;

/**
 * Request-reply: answers every request on the "greeter" endpoint.
 */
@Component
class Greeter {

	@ZmqReplier("greeter")
	String hello(String name) {
		return "Hello, " + name + "!";
	}

}
