package com.example.zmq.requestreply;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Request-reply 1:N: three servers, one client endpoint connected to all of them; each
 * request goes to the next server in turn. Run it, watch who answers, and it exits by
 * itself.
 */
@SpringBootApplication
public class RequestReplyApplication {

	public static void main(String[] args) {
		SpringApplication.run(RequestReplyApplication.class, args).close();
	}

}
