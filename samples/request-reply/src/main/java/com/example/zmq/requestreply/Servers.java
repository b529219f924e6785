package com.example.zmq.requestreply;

import io.github.zmqspring.annotation.ZmqReplier;

import org.springframework.stereotype.Component;

/**
 * Three servers, each a {@code @ZmqReplier} bound to its own address (in a real system,
 * three processes on three hosts). Each reply names the server that produced it.
 */
@Component
class Servers {

	@ZmqReplier("server-a")
	String serverA(String request) {
		return answer("server-a", request);
	}

	@ZmqReplier("server-b")
	String serverB(String request) {
		return answer("server-b", request);
	}

	@ZmqReplier("server-c")
	String serverC(String request) {
		return answer("server-c", request);
	}

	private static String answer(String server, String request) {
		return server + ":" + request.toUpperCase();
	}

}
